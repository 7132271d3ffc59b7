using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using LogPipeline.Deploy;

namespace LogPipeline.Deploy.Tests.Infrastructure;

/// <summary>
/// The CDK app synthesized once (jsii and node are slow): both stacks' templates, as Amazon.CDK.Assertions
/// <see cref="Template"/>s and as JSON for the checks the assertion library cannot express (every IAM statement).
/// </summary>
public abstract class SynthesizedApp : IDisposable
{
    readonly string _outdir = Path.Combine(Path.GetTempPath(), "logpipeline-cdk-" + Guid.NewGuid().ToString("N"));

    protected SynthesizedApp(DeploymentSettings settings)
    {
        Settings = settings;
        var app = new App(new AppProps { Outdir = _outdir });
        var stacks = LogPipelineApp.Create(app, settings);
        var assembly = app.Synth();
        Images = Load(assembly.Directory, stacks.Images.StackName);
        Pipeline = Load(assembly.Directory, stacks.Pipeline.StackName);
        PipelineStackName = stacks.Pipeline.StackName;
        ImagesStackName = stacks.Images.StackName;
        Dependencies = stacks.Pipeline.Dependencies.Select(s => s.StackName).ToArray();
        ArchiveBucket = stacks.ArchiveBucket is { } archiveBucket ? Load(assembly.Directory, archiveBucket.StackName) : null;
    }

    /// <summary>The archive bucket stack for another account, when the settings name a writer account.</summary>
    public SynthesizedStack? ArchiveBucket { get; }

    public DeploymentSettings Settings { get; }

    public SynthesizedStack Images { get; }

    public SynthesizedStack Pipeline { get; }

    public string PipelineStackName { get; }

    public string ImagesStackName { get; }

    public IReadOnlyList<string> Dependencies { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_outdir, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    static SynthesizedStack Load(string directory, string stackName)
    {
        var json = File.ReadAllText(Path.Combine(directory, stackName + ".template.json"));
        return new SynthesizedStack(Template.FromString(json), JsonNode.Parse(json)!.AsObject());
    }
}

/// <summary>The defaults (and the one required value, an image tag): MSK Serverless, the RCF container endpoint, no generator, internal HTTP load balancer.</summary>
public sealed class DefaultDeployment() : SynthesizedApp(new DeploymentSettings { ImageTag = ImageTag })
{
    public const string ImageTag = "0f1e2d3";
}

/// <summary>Every option switched: provisioned MSK, built-in RCF model, generator, HTTPS, e-mail alarms, other names.</summary>
public sealed class AlternativeDeployment() : SynthesizedApp(Alternative)
{
    public static readonly DeploymentSettings Alternative = new()
    {
        Prefix = "Lp2",
        Kafka = KafkaClusterKind.Provisioned,
        Brokers = 4,
        BrokerInstanceType = "kafka.m7g.large",
        Partitions = 6,
        RcfModel = RcfModelSource.BuiltIn,
        BuiltInModelDataUrl = "s3://models-bucket/rcf/output/model.tar.gz",
        Generator = true,
        GeneratorRatePerSecond = 50,
        CertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/0000",
        AlarmEmail = "ops@example.com",
        Storage = new LogPipeline.Storage.StorageOptions { LogTable = "LogsProd", CounterTable = "CountersProd", WriteShards = 4 },
        ImageTag = "abc1234",
        LogRetentionDays = 90,
        RetainTables = false,
        EndpointMaxInstances = 3,
        MaxTasks = 6,
    };
}

/// <summary>
/// The source article's managed path into a bucket of another account: table → Kinesis → Firehose, the archive bucket
/// given by ARN, and the bucket stack for that other account (which lets this one write).
/// </summary>
public sealed class FirehoseDeployment() : SynthesizedApp(Firehose)
{
    public const string BucketArn = "arn:aws:s3:::datalake-logs";
    public const string KeyArn = "arn:aws:kms:eu-west-1:444455556666:key/1111-2222";
    public const string WriterAccount = "111122223333";

    public static readonly DeploymentSettings Firehose = new()
    {
        ImageTag = "abc1234",
        Archive = ArchivePath.Firehose,
        ArchiveBucketArn = BucketArn,
        ArchiveKeyArn = KeyArn,
        ArchiveWriterAccount = WriterAccount,
        ArchiveBufferMiB = 5,
        ArchiveBufferSeconds = 300,
        ArchiveExpirationDays = 2555,
    };
}

/// <summary>
/// The tests that call into the CDK (through jsii's single node process, which does not take concurrent calls) share
/// one synthesis of each app and run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CdkCollection : ICollectionFixture<DefaultDeployment>, ICollectionFixture<AlternativeDeployment>, ICollectionFixture<FirehoseDeployment>
{
    public const string Name = "CDK app";
}
