namespace LogPipeline.Contracts;

/// <summary>Default topic names; each service reads the ones it uses from <c>Pipeline:Topics</c>.</summary>
public static class Topics
{
    public const string Raw = "logs.raw";
    public const string Scored = "logs.scored";
    public const string DeadLetter = "logs.dlq";
}
