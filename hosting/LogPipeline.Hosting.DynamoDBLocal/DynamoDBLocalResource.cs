namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Amazon's DynamoDB Local (a Java program), run with <c>-sharedDb</c> so that any credentials and region see the
/// same tables, in memory or in <see cref="DataDirectory"/>.
/// </summary>
public sealed class DynamoDBLocalResource(string name, string workingDirectory)
    : ExecutableResource(name, "java", workingDirectory), IDynamoDBResource
{
    internal const string EndpointName = "http";

    /// <summary>Where the database is kept between runs; null keeps it in memory.</summary>
    public string? DataDirectory { get; set; }

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ServiceUrl => ReferenceExpression.Create($"{Endpoint.Property(EndpointProperty.Url)}");

    public bool IsLocal => true;
}
