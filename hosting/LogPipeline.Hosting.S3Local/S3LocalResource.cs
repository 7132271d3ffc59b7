namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// s3rver (an S3-compatible server written for Node.js), bound to 127.0.0.1, keeping its objects as files in
/// <see cref="DataDirectory"/>, creating <see cref="Buckets"/> when it starts.
/// </summary>
public sealed class S3LocalResource(string name, string workingDirectory)
    : ExecutableResource(name, "node", workingDirectory), IS3Resource
{
    internal const string EndpointName = "http";

    /// <summary>s3rver's fixed credentials: it checks request signatures against them.</summary>
    public const string AccessKeyId = "S3RVER";

    public const string SecretAccessKey = "S3RVER";

    /// <summary>Where the objects are kept; null: a new temporary folder for each run.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The buckets created when the server starts.</summary>
    public IList<string> Buckets { get; } = [];

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ServiceUrl => ReferenceExpression.Create($"{Endpoint.Property(EndpointProperty.Url)}");

    public bool IsLocal => true;
}
