using System.Text.Json.Serialization;

namespace LogPipeline.Contracts;

/// <summary>A log as it travels on <c>logs.scored</c>: the original fields plus the model's verdict.</summary>
public sealed class ScoredLog : LogRecord
{
    [JsonPropertyName("anomaly_score")]
    public double AnomalyScore { get; set; }

    [JsonPropertyName("is_anomaly")]
    public bool IsAnomaly { get; set; }

    /// <summary>The threshold in force when this record was scored.</summary>
    [JsonPropertyName("threshold")]
    public double Threshold { get; set; }

    /// <summary><c>fixed</c> or <c>adaptive</c>.</summary>
    [JsonPropertyName("threshold_mode")]
    public string ThresholdMode { get; set; } = "fixed";

    /// <summary>Epoch milliseconds at which the scorer produced the verdict.</summary>
    [JsonPropertyName("scored_at")]
    public long ScoredAt { get; set; }

    /// <summary>The feature vector that was sent to the model.</summary>
    [JsonPropertyName("features")]
    public float[] Features { get; set; } = [];

    /// <summary>The SageMaker endpoint (model) that scored the record.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; } = "";

    /// <summary>Why an anomaly was flagged, strongest reason first; absent for normal logs and without attribution.</summary>
    [JsonPropertyName("explanation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Explanation { get; set; }

    public static ScoredLog From(LogRecord log) => new()
    {
        LogIdentifier = log.LogIdentifier,
        Timestamp = log.Timestamp,
        LogLevel = log.LogLevel,
        IpAddress = log.IpAddress,
        UserId = log.UserId,
        Method = log.Method,
        Path = log.Path,
        StatusCode = log.StatusCode,
        ResponseTime = log.ResponseTime,
        Message = log.Message,
        BytesSent = log.BytesSent,
        Service = log.Service,
        InjectedAnomaly = log.InjectedAnomaly,
    };
}
