using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

/// <summary>
/// The images <c>dotnet publish -t:PublishContainer</c> builds, checked through MSBuild without building one (no
/// registry or container daemon here): repositories, base images, ports and the SageMaker container contract.
/// </summary>
public class ContainerImageTests(ContainerSettings containers) : IClassFixture<ContainerSettings>
{
    const string AspNet = "mcr.microsoft.com/dotnet/aspnet:10.0";

    public static TheoryData<string> Projects() => new(ContainerSettings.Projects.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void EachImageGoesToTheRepositoryTheDeploymentPullsFrom(string project)
    {
        var evaluation = containers.ByProject[project];

        Assert.Equal(ServiceImages.Repository("logpipeline", ContainerSettings.Projects[project]), evaluation.Property("ContainerRepository"));
        Assert.Equal(["1.0.0", "latest"], evaluation.Item("ContainerImageTags"));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void EachImageIsLinuxX64RunsAsTheAppUserAndListensOn8080(string project)
    {
        var evaluation = containers.ByProject[project];
        var environment = evaluation.ItemsWithMetadata("ContainerEnvironmentVariables").ToDictionary(e => (string)e["Identity"]!, e => (string?)e["Value"]);

        Assert.Equal("linux-x64", evaluation.Property("ContainerRuntimeIdentifier"));
        Assert.Equal("app", evaluation.Property("ContainerUser"));
        Assert.Equal(["8080"], evaluation.Item("ContainerPort"));
        Assert.Equal("tcp", (string?)evaluation.ItemsWithMetadata("ContainerPort").Single()["Type"]);
        Assert.Equal("8080", environment["ASPNETCORE_HTTP_PORTS"]);
        Assert.False(environment.ContainsKey("ASPNETCORE_URLS"), "ASPNETCORE_URLS would override ASPNETCORE_HTTP_PORTS");
    }

    [Fact]
    public void TheRcfEndpointImageFollowsSageMakersContainerContract()
    {
        var rcf = containers.ByProject["services/LogPipeline.RcfEndpoint"];

        // SageMaker runs "docker run <image> serve": the app is the entrypoint and "serve" the (replaced) default argument.
        Assert.Equal("Entrypoint", rcf.Property("ContainerAppCommandInstruction"));
        Assert.Equal(["dotnet", "/app/LogPipeline.RcfEndpoint.dll"], rcf.Item("ContainerAppCommand"));
        Assert.Empty(rcf.Item("ContainerAppCommandArgs"));
        Assert.Equal(["serve"], rcf.Item("ContainerDefaultArgs"));
        Assert.Equal(AspNet, rcf.Property("ContainerBaseImage"));
    }

    [Fact]
    public void KafkaServicesBuildOnTheLibrdkafkaBaseImageInTheTargetRegistry()
    {
        foreach (var (project, evaluation) in containers.ByProject)
        {
            var usesKafka = project is "services/LogPipeline.Scorer" or "services/LogPipeline.Writer" or "services/LogPipeline.Generator" or "services/LogPipeline.QueryApi" or "deploy/LogPipeline.Deploy.Topics";

            Assert.Equal(usesKafka ? "True" : "False", evaluation.Property("LogPipelineUsesKafka"));
            Assert.Equal(
                usesKafka ? $"{ContainerSettings.Registry}/logpipeline/{ServiceImages.KafkaBase}:10.0" : AspNet,
                evaluation.Property("ContainerBaseImage"));
        }
    }

    [Fact]
    public void PublishingAKafkaServiceWithoutARegistryStopsWithTheReason()
    {
        var evaluation = containers.KafkaServiceWithoutRegistry;

        Assert.NotEqual(0, evaluation.ExitCode);
        Assert.Contains("LogPipeline.Scorer uses Kafka and needs librdkafka in its image", evaluation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectsOutsideServicesGetNoImageSettings()
    {
        Assert.Equal("", containers.AppHost.Property("LogPipelineContainer"));
        Assert.Equal("", containers.AppHost.Property("ContainerRepository"));
    }

    [Fact]
    public void TheLibrdkafkaBaseImageAddsTheNativeLibraryToTheSameAspNetImage()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "deploy", "images", ServiceImages.KafkaBase, "Dockerfile"));

        Assert.Contains("FROM " + AspNet, dockerfile);
        Assert.Contains(dockerfile, l => l.Contains("apt-get install", StringComparison.Ordinal) && l.Contains("librdkafka1", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.Contains("librdkafka.so", StringComparison.Ordinal) && l.Contains("ln -s", StringComparison.Ordinal));
        Assert.Equal("USER $APP_UID", dockerfile.Last(l => l.StartsWith("USER", StringComparison.Ordinal)));
    }
}
