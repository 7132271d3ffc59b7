namespace Aspire.Hosting.ApplicationModel;

/// <summary>A DynamoDB endpoint the app host was given (<c>AWS_ENDPOINT_URL_DYNAMODB</c>) instead of running DynamoDB Local.</summary>
public sealed class ExternalDynamoDBResource(string name, string url) : Resource(name), IDynamoDBResource
{
    public string Url { get; } = url;

    public ReferenceExpression ServiceUrl => ReferenceExpression.Create($"{Url}");

    public bool IsLocal => false;
}
