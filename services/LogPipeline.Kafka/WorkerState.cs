namespace LogPipeline.Kafka;

public enum WorkerState
{
    Starting,
    Running,
    /// <summary>The current batch failed and is being retried; its offsets are not committed.</summary>
    Retrying,
    Stopped,
}
