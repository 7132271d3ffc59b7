using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Constructs;
using LogPipeline.Deploy.Archive;

namespace LogPipeline.Deploy.Stacks;

/// <summary>
/// The source article's second use case: the archive bucket in another account (the data lake's), with its own KMS
/// key, that the pipeline's account may write. Deploy it in the data lake's account with
/// <c>-c archiveWriterAccount=&lt;pipeline account&gt;</c>, then deploy the pipeline with its outputs as
/// <c>-c archiveBucketArn=… -c archiveKeyArn=…</c>.
/// </summary>
public sealed class ArchiveBucketStack : Stack
{
    public ArchiveBucketStack(Construct scope, string id, DeploymentSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        var writerAccount = settings.ArchiveWriterAccount
            ?? throw new ArgumentException("The archive bucket stack needs the account that writes into it.", nameof(settings));
        var key = new Key(this, "ArchiveKey", new KeyProps
        {
            Description = "LogPipeline archive (S3), written from account " + writerAccount,
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Archive = new ArchiveBucket(this, "Archive", settings, key, writerAccount);
        _ = new CfnOutput(this, "ArchiveBucketArn", new CfnOutputProps { Value = Archive.BucketArn, Description = "-c archiveBucketArn=<this> for the pipeline's account" });
        _ = new CfnOutput(this, "ArchiveKeyArn", new CfnOutputProps { Value = Archive.KeyArn, Description = "-c archiveKeyArn=<this> for the pipeline's account" });
    }

    public ArchiveBucket Archive { get; }
}
