using System.Globalization;
using Constructs;
using LogPipeline.Contracts;
using LogPipeline.Storage;

namespace LogPipeline.Deploy;

/// <summary>Which Amazon MSK cluster carries the topics.</summary>
public enum KafkaClusterKind
{
    /// <summary>MSK Serverless: no brokers to size, IAM authentication only, pay per partition-hour and GB.</summary>
    Serverless,

    /// <summary>A provisioned MSK cluster: brokers, instance type and storage are parameters.</summary>
    Provisioned,
}

/// <summary>What the SageMaker endpoint serves.</summary>
public enum RcfModelSource
{
    /// <summary>The RcfEndpoint service's image (SageMaker container contract), learning online from the stream.</summary>
    Container,

    /// <summary>A model artifact trained with SageMaker's built-in Random Cut Forest, served by its image.</summary>
    BuiltIn,
}

/// <summary>How scored logs reach the S3 archive.</summary>
public enum ArchivePath
{
    /// <summary>The archiver service on Fargate: logs.scored → Parquet objects, exactly once (keys from partition and offsets).</summary>
    Archiver,

    /// <summary>The source article's managed path: the log table → Kinesis Data Stream → Firehose (a Lambda flattens the items) → gzip JSON lines.</summary>
    Firehose,
}

/// <summary>
/// Every parameter of the AWS deployment. Nothing here is account-specific: each value has a default and can be set
/// with <c>cdk synth|deploy -c key=value</c> or in <c>cdk.json</c>'s "context" (the keys are <see cref="ContextKeys"/>).
/// The table definitions come from <see cref="StorageOptions"/>, the topic names from <see cref="Topics"/>: the same
/// defaults the services and the AppHost use locally.
/// </summary>
public sealed record DeploymentSettings
{
    /// <summary>Prefix of the stack names and of the named resources (cluster, log groups, alarms).</summary>
    public string Prefix { get; init; } = "LogPipeline";

    /// <summary>Target account and region; null leaves the stacks environment-agnostic (the CLI's defaults at deploy time).</summary>
    public string? Account { get; init; }

    public string? Region { get; init; }

    // Images (deploy/README.md: built with dotnet publish -t:PublishContainer and pushed to these ECR repositories).
    public string RepositoryPrefix { get; init; } = "logpipeline";

    /// <summary>
    /// Required: the tag the images were published with, one that never moves (e.g. the git commit), so that every task
    /// and a rollback run exactly the image that was deployed. <c>latest</c> is refused.
    /// </summary>
    public string ImageTag { get; init; } = "";

    // Network.
    public int MaxAzs { get; init; } = 2;

    public int NatGateways { get; init; } = 1;

    // Kafka.
    public KafkaClusterKind Kafka { get; init; } = KafkaClusterKind.Serverless;

    public int Brokers { get; init; } = 2;

    public string BrokerInstanceType { get; init; } = "kafka.t3.small";

    public int BrokerVolumeGiB { get; init; } = 100;

    public string KafkaVersion { get; init; } = "3.6.0";

    public string RawTopic { get; init; } = Topics.Raw;

    public string ScoredTopic { get; init; } = Topics.Scored;

    public string DeadLetterTopic { get; init; } = Topics.DeadLetter;

    public int Partitions { get; init; } = 8;

    public int DeadLetterPartitions { get; init; } = 2;

    public int TopicRetentionHours { get; init; } = 24;

    public int DeadLetterRetentionHours { get; init; } = 168;

    // DynamoDB.
    public StorageOptions Storage { get; init; } = new();

    /// <summary>Keep the tables (and their data) when the stack is deleted.</summary>
    public bool RetainTables { get; init; } = true;

    // SageMaker.
    public RcfModelSource RcfModel { get; init; } = RcfModelSource.Container;

    /// <summary>The built-in RCF's <c>model.tar.gz</c> (an <c>s3://</c> URL) when <see cref="RcfModel"/> is BuiltIn.</summary>
    public string? BuiltInModelDataUrl { get; init; }

    /// <summary>Overrides the built-in RCF image (default: the region's SageMaker algorithm registry, <c>randomcutforest:1</c>).</summary>
    public string? BuiltInImage { get; init; }

    public string EndpointName { get; init; } = "rcf-anomaly-endpoint";

    public string EndpointInstanceType { get; init; } = "ml.m5.large";

    public int EndpointMinInstances { get; init; } = 1;

    public int EndpointMaxInstances { get; init; } = 10;

    /// <summary>Target of the endpoint's auto scaling: invocations per instance per minute.</summary>
    public int InvocationsPerInstance { get; init; } = 600;

    // Scorer.
    public string ThresholdMode { get; init; } = "Adaptive";

    public double Threshold { get; init; } = 3.0;

    // ECS services.
    public bool Generator { get; init; }

    public double GeneratorRatePerSecond { get; init; } = 20;

    public int ServiceCpu { get; init; } = 512;

    public int ServiceMemoryMiB { get; init; } = 1024;

    public int MinTasks { get; init; } = 1;

    public int MaxTasks { get; init; } = 4;

    public int CpuTargetPercent { get; init; } = 60;

    /// <summary>Consumer lag (messages, summed over partitions) above which a consumer service adds tasks.</summary>
    public int LagScaleOutThreshold { get; init; } = 10_000;

    /// <summary>An ACM certificate for the Query API's load balancer: HTTPS on 443 when set, HTTP on 80 otherwise.</summary>
    public string? CertificateArn { get; init; }

    /// <summary>
    /// Whether the Query API's load balancer is reachable from the internet. Unset: only with a
    /// <see cref="CertificateArn"/> (HTTPS); without one the load balancer is internal (reachable from the VPC only).
    /// Internet-facing without a certificate is refused: no public listener without TLS.
    /// </summary>
    public bool? InternetFacing { get; init; }

    public bool IsInternetFacing => InternetFacing ?? CertificateArn is not null;

    // Logs and alarms.
    public int LogRetentionDays { get; init; } = 30;

    public string? AlarmEmail { get; init; }

    /// <summary>Dead-lettered messages per 5 minutes (scorer and writer together) that raise the alarm.</summary>
    public int DeadLetterAlarmThreshold { get; init; } = 10;

    /// <summary>Logs flagged anomalous per 5 minutes that raise the alarm.</summary>
    public int AnomalyAlarmThreshold { get; init; } = 100;

    /// <summary>Consumer lag (messages) that raises the alarm.</summary>
    public int LagAlarmThreshold { get; init; } = 100_000;

    /// <summary>Endpoint invocation errors (4xx + 5xx) per 5 minutes that raise the alarm.</summary>
    public int EndpointErrorAlarmThreshold { get; init; } = 1;

    // Archive (S3).
    public ArchivePath Archive { get; init; } = ArchivePath.Archiver;

    /// <summary>An object is written when this much is buffered (Firehose's SizeInMBs; the archiver's buffer size).</summary>
    public int ArchiveBufferMiB { get; init; } = 1;

    /// <summary>...or when the oldest buffered log is this old (Firehose's IntervalInSeconds; the archiver's interval).</summary>
    public int ArchiveBufferSeconds { get; init; } = 120;

    /// <summary>Days after which archived objects move to S3 Standard-IA, then Glacier Instant Retrieval, then Deep Archive.</summary>
    public int ArchiveInfrequentAccessDays { get; init; } = 30;

    public int ArchiveGlacierDays { get; init; } = 90;

    public int ArchiveDeepArchiveDays { get; init; } = 365;

    /// <summary>Days after which archived objects are deleted; null keeps them.</summary>
    public int? ArchiveExpirationDays { get; init; }

    /// <summary>
    /// Deliver into an existing bucket instead of creating one (the article's second use case: the data lake's bucket
    /// in another account, made with the <c>{prefix}-ArchiveBucket</c> stack there). Needs <see cref="ArchiveKeyArn"/>.
    /// </summary>
    public string? ArchiveBucketArn { get; init; }

    /// <summary>The KMS key that encrypts the bucket of <see cref="ArchiveBucketArn"/>.</summary>
    public string? ArchiveKeyArn { get; init; }

    /// <summary>Adds the <c>{prefix}-ArchiveBucket</c> stack (deploy it in the data lake's account): a bucket this account may write.</summary>
    public string? ArchiveWriterAccount { get; init; }

    /// <summary>Shards of the Kinesis Data Stream of the Firehose path (1 shard: 1 MB/s or 1,000 item changes/s in).</summary>
    public int ArchiveStreamShards { get; init; } = 1;

    public static DeploymentSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var defaults = new DeploymentSettings();
        var storageDefaults = new StorageOptions();
        var settings = new DeploymentSettings
        {
            Prefix = String(node, ContextKeys.Prefix) ?? defaults.Prefix,
            Account = String(node, ContextKeys.Account) ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
            Region = String(node, ContextKeys.Region) ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
            RepositoryPrefix = String(node, ContextKeys.RepositoryPrefix) ?? defaults.RepositoryPrefix,
            ImageTag = String(node, ContextKeys.ImageTag) ?? defaults.ImageTag,
            MaxAzs = Int(node, ContextKeys.MaxAzs) ?? defaults.MaxAzs,
            NatGateways = Int(node, ContextKeys.NatGateways) ?? defaults.NatGateways,
            Kafka = Enum<KafkaClusterKind>(node, ContextKeys.Kafka) ?? defaults.Kafka,
            Brokers = Int(node, ContextKeys.Brokers) ?? defaults.Brokers,
            BrokerInstanceType = String(node, ContextKeys.BrokerInstanceType) ?? defaults.BrokerInstanceType,
            BrokerVolumeGiB = Int(node, ContextKeys.BrokerVolumeGiB) ?? defaults.BrokerVolumeGiB,
            KafkaVersion = String(node, ContextKeys.KafkaVersion) ?? defaults.KafkaVersion,
            RawTopic = String(node, ContextKeys.RawTopic) ?? defaults.RawTopic,
            ScoredTopic = String(node, ContextKeys.ScoredTopic) ?? defaults.ScoredTopic,
            DeadLetterTopic = String(node, ContextKeys.DeadLetterTopic) ?? defaults.DeadLetterTopic,
            Partitions = Int(node, ContextKeys.Partitions) ?? defaults.Partitions,
            DeadLetterPartitions = Int(node, ContextKeys.DeadLetterPartitions) ?? defaults.DeadLetterPartitions,
            TopicRetentionHours = Int(node, ContextKeys.TopicRetentionHours) ?? defaults.TopicRetentionHours,
            DeadLetterRetentionHours = Int(node, ContextKeys.DeadLetterRetentionHours) ?? defaults.DeadLetterRetentionHours,
            Storage = new StorageOptions
            {
                LogTable = String(node, ContextKeys.LogTable) ?? storageDefaults.LogTable,
                CounterTable = String(node, ContextKeys.CounterTable) ?? storageDefaults.CounterTable,
                RetentionDays = Int(node, ContextKeys.RetentionDays) ?? storageDefaults.RetentionDays,
                WriteShards = Int(node, ContextKeys.WriteShards) ?? storageDefaults.WriteShards,
            },
            RetainTables = Bool(node, ContextKeys.RetainTables) ?? defaults.RetainTables,
            RcfModel = Enum<RcfModelSource>(node, ContextKeys.RcfModel) ?? defaults.RcfModel,
            BuiltInModelDataUrl = String(node, ContextKeys.BuiltInModelDataUrl),
            BuiltInImage = String(node, ContextKeys.BuiltInImage),
            EndpointName = String(node, ContextKeys.EndpointName) ?? defaults.EndpointName,
            EndpointInstanceType = String(node, ContextKeys.EndpointInstanceType) ?? defaults.EndpointInstanceType,
            EndpointMinInstances = Int(node, ContextKeys.EndpointMinInstances) ?? defaults.EndpointMinInstances,
            EndpointMaxInstances = Int(node, ContextKeys.EndpointMaxInstances) ?? defaults.EndpointMaxInstances,
            InvocationsPerInstance = Int(node, ContextKeys.InvocationsPerInstance) ?? defaults.InvocationsPerInstance,
            ThresholdMode = String(node, ContextKeys.ThresholdMode) ?? defaults.ThresholdMode,
            Threshold = Double(node, ContextKeys.Threshold) ?? defaults.Threshold,
            Generator = Bool(node, ContextKeys.Generator) ?? defaults.Generator,
            GeneratorRatePerSecond = Double(node, ContextKeys.GeneratorRatePerSecond) ?? defaults.GeneratorRatePerSecond,
            ServiceCpu = Int(node, ContextKeys.ServiceCpu) ?? defaults.ServiceCpu,
            ServiceMemoryMiB = Int(node, ContextKeys.ServiceMemoryMiB) ?? defaults.ServiceMemoryMiB,
            MinTasks = Int(node, ContextKeys.MinTasks) ?? defaults.MinTasks,
            MaxTasks = Int(node, ContextKeys.MaxTasks) ?? defaults.MaxTasks,
            CpuTargetPercent = Int(node, ContextKeys.CpuTargetPercent) ?? defaults.CpuTargetPercent,
            LagScaleOutThreshold = Int(node, ContextKeys.LagScaleOutThreshold) ?? defaults.LagScaleOutThreshold,
            CertificateArn = String(node, ContextKeys.CertificateArn),
            InternetFacing = Bool(node, ContextKeys.InternetFacing),
            LogRetentionDays = Int(node, ContextKeys.LogRetentionDays) ?? defaults.LogRetentionDays,
            AlarmEmail = String(node, ContextKeys.AlarmEmail),
            DeadLetterAlarmThreshold = Int(node, ContextKeys.DeadLetterAlarmThreshold) ?? defaults.DeadLetterAlarmThreshold,
            AnomalyAlarmThreshold = Int(node, ContextKeys.AnomalyAlarmThreshold) ?? defaults.AnomalyAlarmThreshold,
            LagAlarmThreshold = Int(node, ContextKeys.LagAlarmThreshold) ?? defaults.LagAlarmThreshold,
            EndpointErrorAlarmThreshold = Int(node, ContextKeys.EndpointErrorAlarmThreshold) ?? defaults.EndpointErrorAlarmThreshold,
            Archive = Enum<ArchivePath>(node, ContextKeys.Archive) ?? defaults.Archive,
            ArchiveBufferMiB = Int(node, ContextKeys.ArchiveBufferMiB) ?? defaults.ArchiveBufferMiB,
            ArchiveBufferSeconds = Int(node, ContextKeys.ArchiveBufferSeconds) ?? defaults.ArchiveBufferSeconds,
            ArchiveInfrequentAccessDays = Int(node, ContextKeys.ArchiveInfrequentAccessDays) ?? defaults.ArchiveInfrequentAccessDays,
            ArchiveGlacierDays = Int(node, ContextKeys.ArchiveGlacierDays) ?? defaults.ArchiveGlacierDays,
            ArchiveDeepArchiveDays = Int(node, ContextKeys.ArchiveDeepArchiveDays) ?? defaults.ArchiveDeepArchiveDays,
            ArchiveExpirationDays = Int(node, ContextKeys.ArchiveExpirationDays),
            ArchiveBucketArn = String(node, ContextKeys.ArchiveBucketArn),
            ArchiveKeyArn = String(node, ContextKeys.ArchiveKeyArn),
            ArchiveWriterAccount = String(node, ContextKeys.ArchiveWriterAccount),
            ArchiveStreamShards = Int(node, ContextKeys.ArchiveStreamShards) ?? defaults.ArchiveStreamShards,
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the context key of the first inconsistent value.</summary>
    public void Validate()
    {
        Require(MaxAzs >= 2, ContextKeys.MaxAzs, "MSK needs subnets in at least two Availability Zones.");
        Require(NatGateways >= 1, ContextKeys.NatGateways, "the services in private subnets reach ECR, SageMaker and CloudWatch through a NAT gateway.");
        Require(Partitions >= 1 && DeadLetterPartitions >= 1, ContextKeys.Partitions, "every topic needs at least one partition.");
        Require(MaxTasks >= MinTasks && MinTasks >= 1, ContextKeys.MaxTasks, $"maxTasks must be at least minTasks (at least 1).");
        Require(MaxTasks <= Partitions, ContextKeys.MaxTasks, $"a consumer group uses at most one task per partition ({Partitions}).");
        Require(Kafka != KafkaClusterKind.Provisioned || Brokers % MaxAzs == 0, ContextKeys.Brokers, $"MSK spreads brokers evenly over the {MaxAzs} Availability Zones.");
        Require(EndpointMinInstances >= 1 && EndpointMaxInstances >= EndpointMinInstances, ContextKeys.EndpointMaxInstances, "endpointMaxInstances must be at least endpointMinInstances (at least 1).");
        Require(InvocationsPerInstance >= 1, ContextKeys.InvocationsPerInstance, "the scaling target must be positive.");
        Require(RcfModel != RcfModelSource.BuiltIn || BuiltInModelDataUrl?.StartsWith("s3://", StringComparison.Ordinal) == true, ContextKeys.BuiltInModelDataUrl, "rcfModel=builtin needs the s3:// URL of the trained model.tar.gz.");
        Require(ThresholdMode is "Adaptive" or "Fixed", ContextKeys.ThresholdMode, "Adaptive or Fixed.");
        Require(Array.IndexOf(LogRetention.AllowedDays, LogRetentionDays) >= 0, ContextKeys.LogRetentionDays, $"CloudWatch Logs keeps logs for one of {string.Join(", ", LogRetention.AllowedDays)} days.");
        Require(Storage.RetentionDays >= 1 && Storage.WriteShards is >= 1 and <= 100, ContextKeys.WriteShards, "retentionDays >= 1 and writeShards in 1..100, as the services validate them.");
        Require(ServiceCpu >= 256 && ServiceMemoryMiB >= 512, ContextKeys.ServiceCpu, "Fargate's smallest task is 256 CPU units and 512 MiB.");
        Require(!IsInternetFacing || CertificateArn is not null, ContextKeys.CertificateArn, "an internet-facing load balancer needs an ACM certificate (HTTPS): give certificateArn, or leave internetFacing unset for an internal load balancer.");
        // Firehose's limits for an S3 destination; the archiver takes the same values.
        Require(ArchiveBufferMiB is >= 1 and <= 128, ContextKeys.ArchiveBufferMiB, "Firehose buffers 1 to 128 MiB.");
        Require(ArchiveBufferSeconds is >= 0 and <= 900, ContextKeys.ArchiveBufferSeconds, "Firehose buffers 0 to 900 seconds.");
        // S3 lifecycle: Standard-IA no sooner than 30 days; each class at least 30 days (Glacier IR 90) before the next.
        Require(
            ArchiveInfrequentAccessDays >= 30 && ArchiveGlacierDays >= ArchiveInfrequentAccessDays + 30 && ArchiveDeepArchiveDays >= ArchiveGlacierDays + 90,
            ContextKeys.ArchiveGlacierDays,
            "the lifecycle moves objects to Standard-IA after at least 30 days, Glacier Instant Retrieval at least 30 days later, Deep Archive at least 90 days after that.");
        Require(ArchiveExpirationDays is null || ArchiveExpirationDays >= ArchiveDeepArchiveDays + 180, ContextKeys.ArchiveExpirationDays, "objects are kept at least 180 days in Deep Archive (its minimum storage duration).");
        Require((ArchiveBucketArn is null) == (ArchiveKeyArn is null), ContextKeys.ArchiveKeyArn, "archiveBucketArn and archiveKeyArn go together: the bucket's objects are encrypted with that KMS key.");
        Require(ArchiveBucketArn is null || ArchiveBucketArn.StartsWith("arn:", StringComparison.Ordinal), ContextKeys.ArchiveBucketArn, "give the bucket's ARN (arn:aws:s3:::name).");
        Require(ArchiveWriterAccount is null || (ArchiveWriterAccount.Length == 12 && ArchiveWriterAccount.All(char.IsAsciiDigit)), ContextKeys.ArchiveWriterAccount, "a 12-digit AWS account id.");
        Require(ArchiveStreamShards is >= 1 and <= 100, ContextKeys.ArchiveStreamShards, "1 to 100 shards.");
        Require(
            !string.IsNullOrWhiteSpace(ImageTag) && !string.Equals(ImageTag, "latest", StringComparison.OrdinalIgnoreCase),
            ContextKeys.ImageTag,
            "give the immutable tag the images were published with (e.g. -c imageTag=$(git rev-parse --short HEAD)); 'latest' moves, so tasks could run different images.");
    }

    private static void Require(bool condition, string key, string reason)
    {
        if (!condition)
        {
            throw new ArgumentException($"Context value '{key}' is invalid: {reason}", key);
        }
    }

    private static string? String(Node node, string key) =>
        node.TryGetContext(key) switch
        {
            null => null,
            string s when string.IsNullOrWhiteSpace(s) => null,
            var value => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim(),
        };

    private static int? Int(Node node, string key) =>
        String(node, key) is { } value
            ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Invalid(key, value, "a whole number")
            : null;

    private static double? Double(Node node, string key) =>
        String(node, key) is { } value
            ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Invalid(key, value, "a number")
            : null;

    private static bool? Bool(Node node, string key) =>
        String(node, key) is { } value
            ? bool.TryParse(value, out var parsed) ? parsed : throw Invalid(key, value, "true or false")
            : null;

    private static TEnum? Enum<TEnum>(Node node, string key) where TEnum : struct, System.Enum =>
        String(node, key) is { } value
            ? System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
                ? parsed
                : throw Invalid(key, value, string.Join(" or ", System.Enum.GetNames<TEnum>()).ToLowerInvariant())
            : null;

    private static ArgumentException Invalid(string key, string value, string expected) =>
        new($"Context value '{key}' is '{value}' but must be {expected}.", key);
}
