using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LogPipeline.Hosting;
using LogPipeline.Hosting.ApplicationModel;
using LogPipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogPipeline.AppHost;

/// <summary>The wiring that is LogPipeline's own, kept out of the diagram in AppHost.cs.</summary>
static class Extensions
{
    /// <summary>
    /// Creates KafkaLogData and KafkaLogCounters (with their indexes and TTL) once DynamoDB answers and before any
    /// service that waits for it starts: the same definition the CDK stack declares in AWS.
    /// </summary>
    public static IResourceBuilder<DynamoDbResource> WithLogPipelineTables(this IResourceBuilder<DynamoDbResource> builder)
    {
        var storage = new StorageOptions();
        builder.ApplicationBuilder.Configuration.GetSection(StorageOptions.SectionName).Bind(storage);
        return builder.OnResourceReady(async context =>
        {
            var resource = (DynamoDbResource)context.Resource;
            var config = new AmazonDynamoDBConfig { ServiceURL = resource.EndpointUrl };
            using var client = resource.IsLocal
                ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config)
                : new AmazonDynamoDBClient(config);
            var logger = context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogPipeline.AppHost.Tables");
            await TableProvisioner.EnsureTablesAsync(client, storage, logger, context.CancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// Passes the app host's own <c>Pipeline:*</c> settings (appsettings, environment, command line such as
    /// <c>./run.sh --Pipeline:Generator:RatePerSecond=200</c>) to a service as <c>Pipeline__*</c> variables.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPipelineConfiguration(this IResourceBuilder<ProjectResource> builder)
    {
        var section = builder.ApplicationBuilder.Configuration.GetSection("Pipeline");
        return builder.WithEnvironment(context =>
        {
            foreach (var (key, value) in section.AsEnumerable())
            {
                if (value is not null)
                {
                    context.EnvironmentVariables[key.Replace(":", "__", StringComparison.Ordinal)] = value;
                }
            }
        });
    }

    /// <summary>
    /// Points the scorer's SageMaker runtime client at the local RCF endpoint (<c>AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME</c>);
    /// published, the variable is absent and the client uses the regional SageMaker endpoint.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSageMakerEndpoint(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ProjectResource> endpoint)
    {
        builder.WithReference((IResourceBuilder<IResourceWithEndpoints>)endpoint);
        return builder.WithEnvironment(context =>
        {
            if (context.IsPublishing)
            {
                return;
            }

            context.EnvironmentVariables["AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME"] = endpoint.Resource.Annotations.OfType<EndpointAnnotation>().First().Url;
            context.EnvironmentVariables.TryAdd("AWS_REGION", "us-east-1");
            context.EnvironmentVariables.TryAdd("AWS_ACCESS_KEY_ID", "local");
            context.EnvironmentVariables.TryAdd("AWS_SECRET_ACCESS_KEY", "local");
        });
    }
}
