namespace LogPipeline.Contracts;

/// <summary>The generator's control API: the routes it maps and the paths its callers use.</summary>
public static class GeneratorControlPaths
{
    public const string Group = "/control";

    public const string StatusRoute = "/status";
    public const string RateRoute = "/rate";
    public const string BurstRoute = "/burst";

    public const string Status = Group + StatusRoute;
    public const string Rate = Group + RateRoute;
    public const string Burst = Group + BurstRoute;
}
