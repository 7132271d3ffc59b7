using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace LogPipeline.Deploy.Archive;

/// <summary>The IAM statements around the archive bucket: write objects (archiver, Firehose), read them (Query API replay), use its key only through S3.</summary>
public static class ArchivePermissions
{
    /// <summary>Put objects, also in parts; read one back (the archiver checks what a redelivered batch's object already covers).</summary>
    public static readonly string[] WriteObjectActions = ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"];

    public static readonly string[] ListBucketActions = ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"];

    /// <summary>SSE-KMS: a data key to write an object, Decrypt to read one (and to complete a multipart upload).</summary>
    public static readonly string[] KeyActions = ["kms:Decrypt", "kms:GenerateDataKey"];

    public static PolicyStatement WriteObjects(string bucketArn) => new(new PolicyStatementProps
    {
        Sid = "ArchiveWriteObjects",
        Actions = WriteObjectActions,
        Resources = [bucketArn + "/*"],
    });

    public static PolicyStatement ReadObjects(string bucketArn) => new(new PolicyStatementProps
    {
        Sid = "ArchiveReadObjects",
        Actions = ["s3:GetObject"],
        Resources = [bucketArn + "/*"],
    });

    public static PolicyStatement ListBucket(string bucketArn) => new(new PolicyStatementProps
    {
        Sid = "ArchiveListBucket",
        Actions = ListBucketActions,
        Resources = [bucketArn],
    });

    /// <summary>The bucket's key, only through S3 in the stack's region.</summary>
    public static PolicyStatement UseKey(Stack stack, string keyArn, params string[] actions) => new(new PolicyStatementProps
    {
        Sid = "ArchiveKey",
        Actions = actions.Length == 0 ? KeyActions : actions,
        Resources = [keyArn],
        Conditions = new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{stack.Region}.{stack.UrlSuffix}" },
        },
    });
}
