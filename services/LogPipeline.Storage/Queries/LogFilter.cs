namespace LogPipeline.Storage.Queries;

/// <summary>Optional filters of a time-range query; <c>StatusLow..StatusHigh</c> is one code or a class (500..599).</summary>
public sealed record LogFilter(string? Level = null, int? StatusLow = null, int? StatusHigh = null, string? Path = null)
{
    public static LogFilter None { get; } = new();

    public bool IsEmpty => Level is null && StatusLow is null && Path is null;
}
