using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Constructs;

namespace LogPipeline.Deploy.Stacks;

/// <summary>
/// The ECR repositories the images are pushed to. Deployed first, on its own, so that the images exist before the
/// pipeline stack's services and SageMaker model ask for them.
/// </summary>
public sealed class ImagesStack : Stack
{
    public ImagesStack(Construct scope, string id, DeploymentSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        var repositories = new Dictionary<string, Repository>(StringComparer.Ordinal);
        Repositories = repositories;
        foreach (var image in ServiceImages.All)
        {
            repositories[image] = new Repository(this, image, new RepositoryProps
            {
                RepositoryName = ServiceImages.Repository(settings.RepositoryPrefix, image),
                ImageScanOnPush = true,
                // A tag names one build for good: what a task definition or SageMaker model points at cannot change under it.
                ImageTagMutability = TagMutability.IMMUTABLE,
                // Images are rebuilt from source; keeping them avoids losing the one a running task uses.
                RemovalPolicy = RemovalPolicy.RETAIN,
                LifecycleRules =
                [
                    new LifecycleRule { Description = "Keep the 20 most recent images", MaxImageCount = 20, RulePriority = 1 },
                ],
            });
        }

        _ = new CfnOutput(this, "Registry", new CfnOutputProps
        {
            Description = "Publish the images here: dotnet publish -t:PublishContainer -p:ContainerRegistry=<this>",
            Value = $"{Aws.ACCOUNT_ID}.dkr.ecr.{Aws.REGION}.{Aws.URL_SUFFIX}",
        });
    }

    public IReadOnlyDictionary<string, Repository> Repositories { get; }
}
