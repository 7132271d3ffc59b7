using System.Text.Json.Serialization;

namespace LogPipeline.Contracts;

/// <summary>
/// A web-access log as it travels on <c>logs.raw</c>, with the field names of the source articles.
/// </summary>
public class LogRecord
{
    [JsonPropertyName("log_identifier")]
    public required string LogIdentifier { get; set; }

    /// <summary>Event time in epoch milliseconds.</summary>
    [JsonPropertyName("timestamp")]
    public long Timestamp { get; set; }

    [JsonPropertyName("log_level")]
    public required string LogLevel { get; set; }

    [JsonPropertyName("ip_address")]
    public string IpAddress { get; set; } = "";

    [JsonPropertyName("user_id")]
    public string UserId { get; set; } = "";

    [JsonPropertyName("method")]
    public required string Method { get; set; }

    [JsonPropertyName("path")]
    public required string Path { get; set; }

    [JsonPropertyName("status_code")]
    public int StatusCode { get; set; }

    /// <summary>Response time in seconds.</summary>
    [JsonPropertyName("response_time")]
    public double ResponseTime { get; set; }

    [JsonPropertyName("message")]
    public string Message { get; set; } = "";

    [JsonPropertyName("bytes_sent")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? BytesSent { get; set; }

    [JsonPropertyName("service")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Service { get; set; }

    /// <summary>The generator's ground-truth label: null for normal traffic, else the kind of anomaly injected.</summary>
    [JsonPropertyName("injected_anomaly")]
    public string? InjectedAnomaly { get; set; }
}
