namespace Aspire.Hosting.ApplicationModel;

/// <summary>An S3 endpoint the app's services talk to: s3rver run by the app host, or an external endpoint.</summary>
public interface IS3Resource : IResourceWithWaitSupport
{
    /// <summary>The endpoint's URL, as the AWS SDK and CLI read it from <c>AWS_ENDPOINT_URL_S3</c>.</summary>
    ReferenceExpression ServiceUrl { get; }

    /// <summary>True for the local server, which takes its own fixed credentials.</summary>
    bool IsLocal { get; }
}
