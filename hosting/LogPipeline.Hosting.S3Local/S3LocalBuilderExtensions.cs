using Aspire.Hosting.ApplicationModel;
using LogPipeline.Hosting.S3Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Adds S3 to the app model without a container engine: s3rver run by Node.js, or an external endpoint.</summary>
public static class S3LocalBuilderExtensions
{
    /// <summary>The AWS SDK's and CLI's endpoint variable for S3.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_S3";

    /// <summary>
    /// Tells a service's S3 client to put the bucket in the path (<c>http://127.0.0.1:port/bucket/key</c>), as a
    /// server reached by address needs. Not an AWS variable (the SDKs have none): LogPipeline.Archive's
    /// <c>ArchiveClient</c> reads it.
    /// </summary>
    public const string ForcePathStyleVariable = "AWS_S3_FORCE_PATH_STYLE";

    /// <summary>
    /// S3 named <paramref name="name"/>: s3rver on 127.0.0.1 (<paramref name="port"/>, or one DCP picks), installed on
    /// first use from npm, or the endpoint in the app host's <c>AWS_ENDPOINT_URL_S3</c>. Not published: in AWS the
    /// services use the regional endpoint.
    /// </summary>
    public static IResourceBuilder<IS3Resource> AddS3Local(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        if (builder.Configuration[EndpointVariable] is { Length: > 0 } external)
        {
            var healthCheckKey = $"{name}_check";
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new S3AnswersHealthCheck(external), HealthStatus.Unhealthy, tags: null));
            return builder.AddResource(new ExternalS3Resource(name, external))
                .WithInitialState(new CustomResourceSnapshot { ResourceType = "S3 (external)", State = KnownResourceStates.Running, Properties = [new("s3.url", external)] })
                .WithHealthCheck(healthCheckKey)
                .ExcludeFromManifest();
        }

        var resource = new S3LocalResource(name, S3LocalInstaller.CacheDirectory);
        return builder.AddResource(resource)
            .WithHttpEndpoint(port: port, targetPort: port, name: S3LocalResource.EndpointName, isProxied: false)
            .OnBeforeResourceStarted(async (r, @event, cancellationToken) =>
            {
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(r);
                await S3LocalInstaller.EnsureInstalledAsync(logger, cancellationToken).ConfigureAwait(false);
            })
            .WithArgs(context =>
            {
                var directory = resource.DataDirectory ?? Directory.CreateTempSubdirectory($"logpipeline-{resource.Name}-").FullName;
                Directory.CreateDirectory(directory);
                context.Args.Add(S3LocalInstaller.ScriptPath);
                context.Args.Add("--directory");
                context.Args.Add(directory);
                context.Args.Add("--address");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--no-vhost-buckets");
                foreach (var bucket in resource.Buckets)
                {
                    context.Args.Add("--configure-bucket");
                    context.Args.Add(bucket);
                }
            })
            // The buckets are created before the server listens: an answer to the signed-out bucket list means both.
            .WithHttpHealthCheck("/")
            .ExcludeFromManifest();
    }

    /// <summary>Keeps s3rver's objects in <paramref name="path"/>, so the archive survives a restart.</summary>
    public static IResourceBuilder<IS3Resource> WithDataDirectory(this IResourceBuilder<IS3Resource> builder, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (builder.Resource is S3LocalResource local)
        {
            local.DataDirectory = Path.GetFullPath(path);
        }

        return builder;
    }

    /// <summary>
    /// A bucket named <paramref name="bucketName"/> (default: <paramref name="name"/>), created by s3rver when it starts;
    /// an external endpoint's bucket must exist. Published, the bucket's name is the parameter <c>{name}-bucket-name</c>.
    /// The bucket is a name, not a process: services wait for its S3 resource.
    /// </summary>
    public static IResourceBuilder<S3BucketResource> AddBucket(this IResourceBuilder<IS3Resource> builder, string name, string? bucketName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        bucketName ??= name;
        if (builder.Resource is S3LocalResource local)
        {
            local.Buckets.Add(bucketName);
        }

        var app = builder.ApplicationBuilder;
        if (app.ExecutionContext.IsPublishMode)
        {
            var parameter = app.AddParameter($"{name}-bucket-name");
            return app.AddResource(new S3BucketResource(name, bucketName, builder.Resource) { PublishedBucketName = parameter.Resource });
        }

        return app.AddResource(new S3BucketResource(name, bucketName, builder.Resource))
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "S3 bucket", State = KnownResourceStates.Running, Properties = [new("s3.bucket", bucketName)] })
            .WithParentRelationship(builder)
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Gives <paramref name="builder"/> the bucket's name as <c>ConnectionStrings:{bucket}</c> and points its AWS SDK at
    /// the bucket's S3 (<c>AWS_ENDPOINT_URL_S3</c>, path-style addressing, and for s3rver a region and its credentials).
    /// Published, only the bucket's name is set: the service uses the regional endpoint and its task role.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<S3BucketResource> bucket)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var s3 = bucket.Resource.Parent;
        return builder.WithReference((IResourceBuilder<IResourceWithConnectionString>)bucket).WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsPublishMode)
            {
                return;
            }

            context.EnvironmentVariables[EndpointVariable] = s3.ServiceUrl;
            context.EnvironmentVariables[ForcePathStyleVariable] = "true";
            if (s3.IsLocal)
            {
                // s3rver knows only its own key pair; DynamoDB Local, which a service may use too, accepts any.
                context.EnvironmentVariables.TryAdd("AWS_REGION", "us-east-1");
                context.EnvironmentVariables["AWS_ACCESS_KEY_ID"] = S3LocalResource.AccessKeyId;
                context.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = S3LocalResource.SecretAccessKey;
            }
        });
    }
}
