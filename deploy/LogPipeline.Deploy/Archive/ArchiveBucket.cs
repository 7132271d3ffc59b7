using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace LogPipeline.Deploy.Archive;

/// <summary>
/// The archive's S3 bucket: encrypted with a customer managed KMS key (S3 Bucket Keys, so KMS is called per object
/// rather than per request), every kind of public access blocked, TLS only, ACLs disabled (the bucket owns every
/// object, also those another account writes), and a lifecycle that moves objects to cheaper storage classes as
/// they age. With <paramref name="writerAccount"/> the bucket and its key let that account write (the source
/// article's cross-account data lake: the pipeline runs in that account, the bucket lives here).
/// </summary>
public sealed class ArchiveBucket : Construct
{
    public ArchiveBucket(Construct scope, string id, DeploymentSettings settings, IKey key, string? writerAccount = null)
        : base(scope, id)
    {
        Key = key;
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = key,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = false,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "OlderLogsToCheaperStorage",
                    Enabled = true,
                    Transitions =
                    [
                        new Transition { StorageClass = StorageClass.INFREQUENT_ACCESS, TransitionAfter = Duration.Days(settings.ArchiveInfrequentAccessDays) },
                        new Transition { StorageClass = StorageClass.GLACIER_INSTANT_RETRIEVAL, TransitionAfter = Duration.Days(settings.ArchiveGlacierDays) },
                        new Transition { StorageClass = StorageClass.DEEP_ARCHIVE, TransitionAfter = Duration.Days(settings.ArchiveDeepArchiveDays) },
                    ],
                    Expiration = settings.ArchiveExpirationDays is { } days ? Duration.Days(days) : null,
                },
                // A multipart upload the archiver never completed (it stopped mid-upload) is billed until aborted.
                new LifecycleRule { Id = "AbortIncompleteUploads", Enabled = true, AbortIncompleteMultipartUploadAfter = Duration.Days(1) },
            ],
        });

        if (writerAccount is not null)
        {
            // The other account decides which of its roles may use this (their own IAM policies name the bucket).
            var writer = new AccountPrincipal(writerAccount);
            Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "WriterAccountWritesObjects",
                Principals = [writer],
                Actions = ArchivePermissions.WriteObjectActions,
                Resources = [Bucket.ArnForObjects("*")],
            }));
            Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "WriterAccountListsBucket",
                Principals = [writer],
                Actions = ArchivePermissions.ListBucketActions,
                Resources = [Bucket.BucketArn],
            }));
            key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "WriterAccountEncryptsArchiveObjects",
                Principals = [writer],
                Actions = ArchivePermissions.KeyActions,
                Resources = ["*"],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{Stack.Of(this).Region}.{Stack.Of(this).UrlSuffix}" },
                },
            }));
        }

        BucketArn = Bucket.BucketArn;
        BucketName = Bucket.BucketName;
        KeyArn = key.KeyArn;
    }

    public Bucket Bucket { get; }

    public IKey Key { get; }

    public string BucketArn { get; }

    public string BucketName { get; }

    public string KeyArn { get; }
}
