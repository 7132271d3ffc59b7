namespace LogPipeline.Deploy.Services;

/// <summary>The services' consumer groups (their defaults, set explicitly in the published configuration).</summary>
public static class ConsumerGroups
{
    public const string Scorer = "scorer";
    public const string Writer = "writer";
}
