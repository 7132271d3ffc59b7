using LogPipeline.Hosting.ApplicationModel;

namespace LogPipeline.Hosting;

/// <summary>Kafka and DynamoDB, as Aspire.Hosting.Kafka and Aspire.Hosting.AWS would add them.</summary>
public static class InfrastructureExtensions
{
    static readonly HttpClient ProbeClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>
    /// Kafka: the cluster in <c>ConnectionStrings:{name}</c> if the app host is given one, otherwise an embedded
    /// librdkafka mock cluster.
    /// </summary>
    public static IResourceBuilder<KafkaServerResource> AddKafka(this IDistributedApplicationBuilder builder, string name)
    {
        var external = builder.Configuration[$"ConnectionStrings:{name}"];
        return builder.AddResource(new KafkaServerResource(name, string.IsNullOrWhiteSpace(external) ? null : external));
    }

    public static IResourceBuilder<KafkaServerResource> WithTopic(this IResourceBuilder<KafkaServerResource> builder, string topic, int partitions)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        builder.Resource.Topics.Add(new KafkaTopic(topic, partitions));
        return builder;
    }

    /// <summary>
    /// DynamoDB: the endpoint in <c>AWS_ENDPOINT_URL_DYNAMODB</c> if the app host is given one, otherwise
    /// DynamoDB Local, installed on first use.
    /// </summary>
    public static IResourceBuilder<DynamoDbResource> AddDynamoDbLocal(this IDistributedApplicationBuilder builder, string name)
    {
        var external = builder.Configuration["AWS_ENDPOINT_URL_DYNAMODB"];
        var resource = new DynamoDbResource(name, string.IsNullOrWhiteSpace(external) ? null : external, builder.AppHostDirectory);
        var result = builder.AddResource(resource);
        if (resource.IsLocal)
        {
            result.WithHttpEndpoint(name: "http", env: "DYNAMODB_LOCAL_PORT");
        }

        return result.WithAnnotation(new HealthProbeAnnotation(ct => AnswersAsync(resource.EndpointUrl, ct)));
    }

    /// <summary>
    /// Keeps DynamoDB Local's database in <paramref name="path"/> (one shared database, whatever the credentials and
    /// region), so tables and data survive a restart; without it DynamoDB Local runs in memory.
    /// </summary>
    public static IResourceBuilder<DynamoDbResource> WithDataDirectory(this IResourceBuilder<DynamoDbResource> builder, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        builder.Resource.DataDirectory = Path.GetFullPath(path);
        return builder;
    }

    /// <summary>
    /// Points the AWS SDK's DynamoDB client at this resource: <c>AWS_ENDPOINT_URL_DYNAMODB</c>, and for DynamoDB Local
    /// a region and placeholder credentials (DynamoDB Local accepts any).
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<DynamoDbResource> dynamo)
        where T : IResourceWithEnvironment
    {
        var resource = dynamo.Resource;
        builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"));
        return builder.WithEnvironment(c =>
        {
            c.EnvironmentVariables["AWS_ENDPOINT_URL_DYNAMODB"] = c.IsPublishing ? $"{{{resource.Name}.bindings.http.url}}" : resource.EndpointUrl ?? "";
            if (resource.IsLocal && !c.IsPublishing)
            {
                c.EnvironmentVariables.TryAdd("AWS_REGION", "us-east-1");
                c.EnvironmentVariables.TryAdd("AWS_ACCESS_KEY_ID", "local");
                c.EnvironmentVariables.TryAdd("AWS_SECRET_ACCESS_KEY", "local");
            }
        });
    }

    /// <summary>
    /// Healthy when DynamoDB answers HTTP at all (unsigned requests get a 400, which is an answer): unlike a TCP
    /// connect, this fails while the process is starting up or frozen.
    /// </summary>
    static async Task<bool> AnswersAsync(string? url, CancellationToken cancellationToken)
    {
        if (url is null)
        {
            return false;
        }

        try
        {
            using var response = await ProbeClient.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
