namespace LogPipeline.AppHost.Tests;

/// <summary>The app with two scorers and two writers (<c>Replicas:scorer</c>, <c>Replicas:writer</c>), as a user scales it out.</summary>
public sealed class ScaledOutAppFixture : PipelineAppFixture
{
    public const int Replicas = 2;

    protected override IEnumerable<string> AppHostArguments =>
    [
        $"--Replicas:scorer={Replicas}",
        $"--Replicas:writer={Replicas}",
        "--Pipeline:Generator:RatePerSecond=300",

        // The test polls the stored logs many times a second: far more than the 300 requests per 10 s a key may make.
        "--Pipeline:QueryApi:RateLimit:PermitLimit=1000000",
    ];
}
