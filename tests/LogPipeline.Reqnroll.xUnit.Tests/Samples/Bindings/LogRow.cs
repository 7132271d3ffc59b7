namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>A row of the logs table, filled by Reqnroll's <c>CreateSet</c>.</summary>
public sealed class LogRow
{
    public string Id { get; set; } = "";

    public LogLevel Level { get; set; }

    public int LatencyInMs { get; set; }
}
