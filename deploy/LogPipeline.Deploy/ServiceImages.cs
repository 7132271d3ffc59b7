namespace LogPipeline.Deploy;

/// <summary>
/// The container images the deployment runs, named as the root Directory.Build.targets names them when
/// <c>dotnet publish -t:PublishContainer</c> builds them: <c>{repositoryPrefix}/{project name without "LogPipeline.", lower case}</c>.
/// </summary>
public static class ServiceImages
{
    public const string Scorer = "scorer";
    public const string Writer = "writer";
    public const string QueryApi = "queryapi";
    public const string Generator = "generator";
    public const string RcfEndpoint = "rcfendpoint";

    /// <summary>The topic initializer (deploy/LogPipeline.Deploy.Topics), run before each Kafka service starts.</summary>
    public const string Topics = "topics";

    /// <summary>Every repository the images stack creates.</summary>
    public static readonly string[] All = [Scorer, Writer, QueryApi, Generator, RcfEndpoint, Topics];

    public static string Repository(string repositoryPrefix, string image) => $"{repositoryPrefix}/{image}";
}
