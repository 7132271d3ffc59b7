namespace LogPipeline.Contracts;

/// <summary>
/// A web-access log as the generator produces it and every stage passes it on, unchanged. Its JSON (the flat fields of
/// the source articles on <c>logs.raw</c> and <c>logs.scored</c>) is written by <see cref="LogRecordJson"/> and read
/// by <see cref="LogRecordReader"/>.
/// </summary>
public sealed record LogRecord
{
    public required string LogIdentifier { get; init; }

    /// <summary>Event time in epoch milliseconds.</summary>
    public required long Timestamp { get; init; }

    /// <summary>DEBUG, INFO, WARN or ERROR.</summary>
    public required string LogLevel { get; init; }

    public string IpAddress { get; init; } = "";

    public string UserId { get; init; } = "";

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required int StatusCode { get; init; }

    /// <summary>Response time in seconds.</summary>
    public required double ResponseTime { get; init; }

    public string Message { get; init; } = "";

    public long? BytesSent { get; init; }

    public string? Service { get; init; }

    /// <summary>The generator's ground-truth label: null for normal traffic, else the kind of anomaly injected.</summary>
    public string? InjectedAnomaly { get; init; }
}
