namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A bucket of an <see cref="IS3Resource"/>. Its connection string is the bucket's name, which services read as
/// <c>ConnectionStrings:{name}</c>; published, a parameter the deployer sets to the real bucket.
/// </summary>
public sealed class S3BucketResource(string name, string bucketName, IS3Resource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent<IS3Resource>, IResourceWithWaitSupport
{
    public string BucketName { get; } = bucketName;

    public IS3Resource Parent { get; } = parent;

    /// <summary>Published only: the parameter that carries the real bucket's name.</summary>
    public ParameterResource? PublishedBucketName { get; init; }

    public ReferenceExpression ConnectionStringExpression =>
        PublishedBucketName is { } parameter ? ReferenceExpression.Create($"{parameter}") : ReferenceExpression.Create($"{BucketName}");
}
