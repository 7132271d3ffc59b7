namespace LogPipeline.Nab;

/// <summary>A labelled anomaly window of a NAB series, both ends included.</summary>
public readonly record struct NabWindow(DateTime Start, DateTime End)
{
    public bool Contains(DateTime time) => time >= Start && time <= End;
}
