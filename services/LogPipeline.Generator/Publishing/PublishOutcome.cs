namespace LogPipeline.Generator.Publishing;

/// <summary>How a published batch ended: every message acknowledged, some rejected, or no answer in time.</summary>
public readonly record struct PublishOutcome(int Count, int Failed, string? FirstError, bool TimedOut)
{
    public bool Acknowledged => Failed == 0 && !TimedOut;
}
