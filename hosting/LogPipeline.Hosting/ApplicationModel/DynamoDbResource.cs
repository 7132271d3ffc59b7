namespace LogPipeline.Hosting.ApplicationModel;

/// <summary>
/// DynamoDB: the endpoint named by <c>AWS_ENDPOINT_URL_DYNAMODB</c> when configured, otherwise Amazon's
/// DynamoDB Local (Java), installed on first use into the user cache.
/// </summary>
public sealed class DynamoDbResource(string name, string? externalEndpoint, string workingDirectory)
    : ExecutableResource(name, "java", workingDirectory)
{
    public string? ExternalEndpoint { get; } = externalEndpoint;

    public bool IsLocal => ExternalEndpoint is null;

    /// <summary>Where DynamoDB Local keeps its database between runs; <c>null</c> keeps it in memory.</summary>
    public string? DataDirectory { get; set; }

    public string? EndpointUrl => ExternalEndpoint ?? (Annotations.OfType<EndpointAnnotation>().FirstOrDefault() is { Port: not null } e ? e.Url : null);
}
