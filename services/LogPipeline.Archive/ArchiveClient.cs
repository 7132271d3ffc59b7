using Amazon.Runtime;
using Amazon.S3;

namespace LogPipeline.Archive;

/// <summary>The S3 client the archive uses: the SDK's defaults (region, credentials, <c>AWS_ENDPOINT_URL_S3</c>) and path-style addressing when asked.</summary>
public static class ArchiveClient
{
    /// <summary>
    /// Set to <c>true</c> for an S3-compatible server reached by address (s3rver, MinIO): buckets in the path, not in
    /// the host name. The AppHost sets it with the endpoint.
    /// </summary>
    public const string ForcePathStyleVariable = "AWS_S3_FORCE_PATH_STYLE";

    /// <summary>
    /// Checksums only where S3 requires them: the SDK's default trailing checksums (aws-chunked uploads) are not
    /// understood by every S3-compatible server; content integrity is still checked through Content-MD5/ETags.
    /// </summary>
    public static IAmazonS3 Create(bool forcePathStyle) => new AmazonS3Client(new AmazonS3Config
    {
        ForcePathStyle = forcePathStyle,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });
}
