namespace LogPipeline.Contracts;

/// <summary>
/// The scorer's verdict on one log. A field added here is mapped in one place per boundary:
/// <see cref="ScoreVerdictJson"/> (Kafka), the storage's <c>LogItemMapper</c> (DynamoDB) and the Query API's
/// <c>LogResponse</c>.
/// </summary>
public sealed record ScoreVerdict
{
    /// <summary><see cref="ThresholdMode"/> of a threshold set by configuration.</summary>
    public const string FixedMode = "fixed";

    /// <summary><see cref="ThresholdMode"/> of a threshold that follows the recent scores.</summary>
    public const string AdaptiveMode = "adaptive";

    public required double AnomalyScore { get; init; }

    public required bool IsAnomaly { get; init; }

    /// <summary>The threshold in force when the log was scored.</summary>
    public required double Threshold { get; init; }

    /// <summary><see cref="FixedMode"/> or <see cref="AdaptiveMode"/>.</summary>
    public string ThresholdMode { get; init; } = FixedMode;

    /// <summary>Epoch milliseconds at which the scorer produced the verdict.</summary>
    public required long ScoredAt { get; init; }

    /// <summary>The SageMaker endpoint (model) that scored the log.</summary>
    public string Model { get; init; } = "";

    /// <summary>Why an anomaly was flagged, strongest reason first; null for normal logs and without attribution.</summary>
    public string? Explanation { get; init; }
}
