namespace LogPipeline.Contracts;

/// <summary>
/// Default consumer group names: the scorer's on the raw topic, the writer's and the archiver's on the scored topic. The services
/// consume in these groups (unless configured otherwise), deploy sets them, and the pipeline view reads their
/// committed offsets.
/// </summary>
public static class ConsumerGroups
{
    public const string Scorer = "scorer";
    public const string Writer = "writer";
    public const string Archiver = "archiver";
}
