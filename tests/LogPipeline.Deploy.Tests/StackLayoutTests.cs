using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class StackLayoutTests(DefaultDeployment deployment)
{
    [Fact]
    public void TheImageRepositoriesAreAStackOfTheirOwnThatThePipelineDependsOn()
    {
        Assert.Equal("LogPipeline-Images", deployment.ImagesStackName);
        Assert.Equal("LogPipeline-Pipeline", deployment.PipelineStackName);
        Assert.Equal(["LogPipeline-Images"], deployment.Dependencies);
    }

    [Fact]
    public void EveryImageHasAScannedRetainedRepositoryNamedAsPublishContainerNamesIt()
    {
        var repositories = deployment.Images.OfType("AWS::ECR::Repository").ToList();

        Assert.Equal(ServiceImages.All.Select(i => "logpipeline/" + i).Order(), repositories.Select(r => (string)r.Properties["RepositoryName"]!).Order());
        Assert.All(repositories, r =>
        {
            Assert.Equal(true, (bool?)r.Properties["ImageScanningConfiguration"]!["ScanOnPush"]);
            Assert.Equal("IMMUTABLE", (string?)r.Properties["ImageTagMutability"]);
            Assert.Equal("Retain", (string?)r.Resource["DeletionPolicy"]);
            Assert.NotNull(r.Properties["LifecyclePolicy"]);
        });
    }

    [Fact]
    public void NothingAccountSpecificIsWrittenIntoTheTemplates()
    {
        foreach (var stack in new[] { deployment.Images, deployment.Pipeline })
        {
            var json = stack.Json.ToJsonString();

            // Account ids appear only through AWS::AccountId, except AWS's public SageMaker algorithm registries.
            Assert.DoesNotMatch("(?<![0-9A-Za-z])[0-9]{12}(?![0-9A-Za-z])", json);
            Assert.DoesNotContain("us-east-1", json, StringComparison.Ordinal);
        }
    }
}
