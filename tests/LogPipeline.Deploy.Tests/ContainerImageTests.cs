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
    public void EveryImageBuildsOnTheAspNetImage()
    {
        // The Kafka services publish librdkafka.redist's library with the app (build/Librdkafka.targets): no base image of ours.
        Assert.All(containers.ByProject.Values, evaluation => Assert.Equal(AspNet, evaluation.Property("ContainerBaseImage")));
    }

    [Fact]
    public void AKafkaServiceIsPublishedWithoutAnyRegistryOfOurs()
    {
        var evaluation = containers.KafkaServiceWithoutRegistry;

        Assert.Equal(0, evaluation.ExitCode);
        Assert.Equal(AspNet, evaluation.Property("ContainerBaseImage"));
    }

    [Fact]
    public void ProjectsOutsideServicesGetNoImageSettings()
    {
        Assert.Equal("", containers.AppHost.Property("LogPipelineContainer"));
        Assert.Equal("", containers.AppHost.Property("ContainerRepository"));
    }
}
