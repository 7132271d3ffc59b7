namespace Aspire.Hosting.ApplicationModel;

/// <summary>An S3 endpoint the app host was given (<c>AWS_ENDPOINT_URL_S3</c>) instead of running s3rver.</summary>
public sealed class ExternalS3Resource(string name, string url) : Resource(name), IS3Resource
{
    public string Url { get; } = url;

    public ReferenceExpression ServiceUrl => ReferenceExpression.Create($"{Url}");

    public bool IsLocal => false;
}
