namespace Aspire.Hosting.ApplicationModel;

/// <summary>A DynamoDB endpoint the app's services talk to: DynamoDB Local, or an external endpoint.</summary>
public interface IDynamoDBResource : IResourceWithWaitSupport
{
    /// <summary>The endpoint's URL, as the AWS SDK reads it from <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    ReferenceExpression ServiceUrl { get; }

    /// <summary>True for DynamoDB Local, which accepts any credentials.</summary>
    bool IsLocal { get; }
}
