using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LogPipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogPipeline.AppHost;

/// <summary>The wiring that is LogPipeline's own, kept out of the diagram in AppHost.cs.</summary>
static class Extensions
{
    /// <summary>
    /// The Query API's <c>Pipeline:QueryApi:ApiKeys</c> and <c>:RequireApiKey</c> settings as environment variables (the
    /// app host does not reference the Query API's assembly, where <c>QueryApiOptions</c> defines the section).
    /// </summary>
    const string QueryApiKeysVariable = "Pipeline__QueryApi__ApiKeys__0";
    const string QueryApiRequireKeyVariable = "Pipeline__QueryApi__RequireApiKey";

    const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The fixed local port of <paramref name="resource"/>: <c>Ports:{resource}</c> from the app host's configuration,
    /// or <paramref name="defaultPort"/>; null (a free port) when <c>Ports:Fixed</c> is false, as in tests.
    /// </summary>
    public static int? LocalPort(this IDistributedApplicationBuilder builder, string resource, int defaultPort) =>
        builder.ExecutionContext.IsRunMode && builder.Configuration.GetValue("Ports:Fixed", true)
            ? builder.Configuration.GetValue($"Ports:{resource}", defaultPort)
            : null;

    /// <summary>How many copies of <paramref name="resource"/> run: <c>Replicas:{resource}</c> from the app host's configuration, 1 by default.</summary>
    public static int Replicas(this IDistributedApplicationBuilder builder, string resource) =>
        Math.Max(1, builder.Configuration.GetValue($"Replicas:{resource}", 1));

    /// <summary>
    /// Runs <see cref="Replicas"/> copies of the project. The Kafka stages consume in one group per stage, so the copies
    /// split the topic's partitions between them (and take over a stopped copy's partitions).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(this IResourceBuilder<ProjectResource> builder)
    {
        var replicas = builder.ApplicationBuilder.Replicas(builder.Resource.Name);
        return replicas > 1 ? builder.WithReplicas(replicas) : builder;
    }

    /// <summary>
    /// Serves the project's http endpoint itself on its fixed local port (no proxy in front), see <see cref="LocalPort"/>;
    /// without a fixed port, or with several <see cref="Replicas"/> (which cannot share one port), behind a proxy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLocalHttpPort(this IResourceBuilder<ProjectResource> builder, int defaultPort)
    {
        if (builder.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        var port = builder.ApplicationBuilder.LocalPort(builder.Resource.Name, defaultPort);
        var proxied = port is null || builder.ApplicationBuilder.Replicas(builder.Resource.Name) > 1;
        return builder.WithEndpoint("http", endpoint =>
        {
            endpoint.Port = port;
            endpoint.TargetPort = proxied ? null : port;
            endpoint.IsProxied = proxied;
        }, createIfNotExists: false);
    }

    /// <summary>
    /// Leaves the resources without an OTLP endpoint when the app host runs no dashboard (Aspire's test host, as in the
    /// specification, the load harness and the detection evaluator). Aspire then still points every exporter at
    /// http://localhost:4317, where nothing listens: each service would retry its exports in memory, tens of failures a
    /// second under load, at a CPU cost that skews what those harnesses measure. The service defaults add the OTLP
    /// exporter only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IDistributedApplicationBuilder WithTelemetryExportOnlyToTheDashboard(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            if (@event.Services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard)
            {
                foreach (var resource in @event.Model.Resources.OfType<IResourceWithEnvironment>())
                {
                    resource.Annotations.Add(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables.Remove(OtlpEndpointVariable)));
                }
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>
    /// Creates KafkaLogData and KafkaLogCounters (with their indexes and TTL) once DynamoDB answers and before any
    /// service that waits for it starts: the same definition the CDK stack declares in AWS.
    /// </summary>
    public static IResourceBuilder<IDynamoDBResource> WithLogPipelineTables(this IResourceBuilder<IDynamoDBResource> builder)
    {
        var storage = new StorageOptions();
        builder.ApplicationBuilder.Configuration.GetSection(StorageOptions.SectionName).Bind(storage);
        return builder.OnResourceReady(async (resource, @event, cancellationToken) =>
        {
            var url = await resource.ServiceUrl.GetValueAsync(cancellationToken).ConfigureAwait(false);
            var config = new AmazonDynamoDBConfig { ServiceURL = url };
            using var client = resource.IsLocal
                ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config)
                : new AmazonDynamoDBClient(config);
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            await TableProvisioner.EnsureTablesAsync(client, storage, logger, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// The sections of the services' own settings under <c>Pipeline:</c>. Aspire keeps settings of its own there too
    /// (<c>Pipeline:Step</c>, <c>Pipeline:OutputPath</c> when publishing), which are not passed on.
    /// </summary>
    static readonly string[] ServiceSections = ["Topics", "Consumer", "Validation", "Generator", "Scorer", "SageMaker", "Rcf", "Writer", "Archiver", "Storage", "QueryApi", "Kafka", "View"];

    /// <summary>
    /// Passes the app host's own <c>Pipeline:*</c> service settings (appsettings, environment, command line such as
    /// <c>./run.sh --Pipeline:Generator:RatePerSecond=200</c>) to a service as <c>Pipeline__*</c> variables.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPipelineConfiguration(this IResourceBuilder<ProjectResource> builder)
    {
        var configuration = builder.ApplicationBuilder.Configuration;
        return builder.WithEnvironment(context =>
        {
            foreach (var section in ServiceSections)
            {
                foreach (var (key, value) in configuration.GetSection($"Pipeline:{section}").AsEnumerable())
                {
                    if (value is not null)
                    {
                        context.EnvironmentVariables[key.Replace(":", "__", StringComparison.Ordinal)] = value;
                    }
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
        builder.WithReference(endpoint);
        return builder.WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsPublishMode)
            {
                return;
            }

            context.EnvironmentVariables["AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME"] = endpoint.GetEndpoint("http");
            context.EnvironmentVariables.TryAdd("AWS_REGION", "us-east-1");
            context.EnvironmentVariables.TryAdd("AWS_ACCESS_KEY_ID", "local");
            context.EnvironmentVariables.TryAdd("AWS_SECRET_ACCESS_KEY", "local");
        });
    }

    /// <summary>
    /// Requires <paramref name="key"/> (header <c>X-Api-Key</c>) on the Query API, in every environment. Locally the key
    /// is generated for each run unless <c>Parameters:queryapi-key</c> is set; once the API is up the console says how
    /// to call it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithApiKey(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ParameterResource> key)
    {
        return builder
            .WithEnvironment(QueryApiKeysVariable, key)
            .WithEnvironment(QueryApiRequireKeyVariable, "true")
            .OnResourceReady(async (resource, @event, cancellationToken) =>
            {
                var url = resource.GetEndpoint("http").Url;
                var value = await key.Resource.GetValueAsync(cancellationToken).ConfigureAwait(false);
                var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogPipeline.AppHost");
                logger.LogInformation(
                    "Query API ready; this run's local key: curl -H 'X-Api-Key: {Key}' '{Url}/api/anomalies?limit=5' (set one with --Parameters:queryapi-key=...)",
                    value, url);
            });
    }
}
