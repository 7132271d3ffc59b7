using Amazon.CDK;
using LogPipeline.Deploy.Stacks;

namespace LogPipeline.Deploy;

/// <summary>The stacks of the AWS deployment: <c>{prefix}-Images</c> first (push the images), then <c>{prefix}-Pipeline</c>.</summary>
/// <remarks>
/// With <c>archiveWriterAccount</c> the app also has <c>{prefix}-ArchiveBucket</c>, deployed on its own in the data
/// lake's account (the bucket the pipeline in that other account writes).
/// </remarks>
public sealed record LogPipelineApp(ImagesStack Images, PipelineStack Pipeline, ArchiveBucketStack? ArchiveBucket = null)
{
    public static LogPipelineApp Create(App app, DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var environment = settings.Account is null && settings.Region is null
            ? null
            : new Amazon.CDK.Environment { Account = settings.Account, Region = settings.Region };

        var images = new ImagesStack(app, settings.Prefix + "-Images", settings, new StackProps
        {
            Env = environment,
            Description = "LogPipeline container image repositories (ECR)",
        });
        var pipeline = new PipelineStack(app, settings.Prefix + "-Pipeline", settings, new StackProps
        {
            Env = environment,
            Description = "LogPipeline: MSK, DynamoDB, SageMaker RCF endpoint, ECS Fargate services, alarms",
        });
        pipeline.AddDependency(images, "The services and the SageMaker model pull their images from the image repositories.");
        var archiveBucket = settings.ArchiveWriterAccount is null
            ? null
            : new ArchiveBucketStack(app, settings.Prefix + "-ArchiveBucket", settings, new StackProps
            {
                Env = environment,
                Description = "LogPipeline archive bucket for a pipeline in another account (deploy in the data lake's account)",
            });
        Tags.Of(app).Add("application", "LogPipeline");
        return new LogPipelineApp(images, pipeline, archiveBucket);
    }
}
