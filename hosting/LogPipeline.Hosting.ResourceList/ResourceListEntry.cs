namespace LogPipeline.Hosting.ResourceList;

/// <summary>One resource (one replica) as <c>GET /api/resources</c> lists it.</summary>
public sealed record ResourceListEntry
{
    public required string Name { get; init; }

    public required string Id { get; init; }

    public required string Type { get; init; }

    public required string State { get; init; }

    /// <summary>Healthy, Degraded or Unhealthy; Unknown while a resource with health checks has none yet.</summary>
    public required string Health { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? StoppedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>The operating-system process of an executable or project resource.</summary>
    public int? ProcessId { get; init; }

    public IReadOnlyDictionary<string, string> Endpoints { get; init; } = new Dictionary<string, string>();

    public string? ConnectionString { get; init; }

    /// <summary>Environment given to the process, with the values of secret-looking names masked.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
