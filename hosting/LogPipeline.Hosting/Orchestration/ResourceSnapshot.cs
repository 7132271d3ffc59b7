namespace LogPipeline.Hosting.Orchestration;

/// <summary>What the dashboard and tests see of a resource at one moment.</summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public ResourceState State { get; init; }

    public HealthStatus Health { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public int? ExitCode { get; init; }

    public int? ProcessId { get; init; }

    public int Restarts { get; init; }

    public string? Message { get; init; }

    public IReadOnlyDictionary<string, string> Endpoints { get; init; } = new Dictionary<string, string>();

    public string? ConnectionString { get; init; }

    /// <summary>Environment given to the process, secrets masked.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> References { get; init; } = [];
}
