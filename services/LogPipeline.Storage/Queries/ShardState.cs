namespace LogPipeline.Storage.Queries;

public enum ShardState : byte
{
    NotStarted,
    Positioned,
    Done,
}
