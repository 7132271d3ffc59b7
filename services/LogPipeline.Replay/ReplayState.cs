namespace LogPipeline.Replay;

public enum ReplayState
{
    Running,
    Completed,
    Failed,
    Cancelled,
}
