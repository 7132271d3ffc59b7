using Amazon.Runtime;

namespace LogPipeline.SageMakerRuntime.Signing;

/// <summary>The "original request" AWSSDK.Core's request type needs; nothing reads it when signing.</summary>
sealed class SigningOnlyRequest : AmazonWebServiceRequest
{
    public static readonly SigningOnlyRequest Instance = new();
}
