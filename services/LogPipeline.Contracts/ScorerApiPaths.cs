namespace LogPipeline.Contracts;

/// <summary>The scorer's API: the routes it maps and the paths its callers use.</summary>
public static class ScorerApiPaths
{
    public const string Group = "/api/scorer";

    public const string ThresholdRoute = "/threshold";
    public const string QualityRoute = "/quality";

    public const string Threshold = Group + ThresholdRoute;
    public const string Quality = Group + QualityRoute;
}
