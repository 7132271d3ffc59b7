namespace LogPipeline.Deploy.Monitoring;

/// <summary>
/// Logger categories whose JSON console lines the alarms count (tests check them against the services' types):
/// the services log every dead letter and every batch with anomalies, so CloudWatch Logs metric filters turn those
/// lines into metrics without an agent or collector in the tasks.
/// </summary>
public static class LogCategories
{
    /// <summary><c>LogPipeline.Kafka.DeadLetterPublisher</c>: one Warning per dead-lettered message (scorer and writer).</summary>
    public const string DeadLetterPublisher = "LogPipeline.Kafka.DeadLetterPublisher";

    /// <summary><c>LogPipeline.Scorer.Scoring.ScoringWorker</c>: "Flagged {Anomalies} of {Count} logs as anomalous" per batch.</summary>
    public const string ScoringWorker = "LogPipeline.Scorer.Scoring.ScoringWorker";

    /// <summary>The structured field of the scorer's batch message that holds the number of anomalies.</summary>
    public const string AnomaliesField = "Anomalies";
}
