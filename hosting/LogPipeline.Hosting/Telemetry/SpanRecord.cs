using System.Text.Json.Serialization;

namespace LogPipeline.Hosting.Telemetry;

/// <summary>One received span, with the service (OTLP <c>service.name</c>) that reported it.</summary>
public sealed record SpanRecord
{
    public required string TraceId { get; init; }

    public required string SpanId { get; init; }

    public string? ParentSpanId { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required string Service { get; init; }

    public string Scope { get; init; } = "";

    [JsonIgnore]
    public long StartNanos { get; init; }

    [JsonIgnore]
    public long EndNanos { get; init; }

    public double StartMs => StartNanos / 1e6;

    public double DurationMs => Math.Max(0, EndNanos - StartNanos) / 1e6;

    /// <summary><c>Unset</c>, <c>Ok</c> or <c>Error</c>.</summary>
    public string Status { get; init; } = "Unset";

    public string? StatusMessage { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    public IReadOnlyList<SpanEventRecord> Events { get; init; } = [];

    public IReadOnlyList<SpanLinkRecord> Links { get; init; } = [];

    public string? Attribute(string key)
    {
        foreach (var (k, v) in Attributes)
        {
            if (k == key)
            {
                return v;
            }
        }

        return null;
    }
}

public sealed record SpanEventRecord(string Name, double TimeMs, IReadOnlyList<KeyValuePair<string, string>> Attributes);

public sealed record SpanLinkRecord(string TraceId, string SpanId);
