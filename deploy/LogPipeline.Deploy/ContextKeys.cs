namespace LogPipeline.Deploy;

/// <summary>The context keys of <see cref="DeploymentSettings"/> (<c>cdk deploy -c key=value</c>), documented in deploy/README.md.</summary>
public static class ContextKeys
{
    public const string Prefix = "prefix";
    public const string Account = "account";
    public const string Region = "region";
    public const string RepositoryPrefix = "repositoryPrefix";
    public const string ImageTag = "imageTag";
    public const string MaxAzs = "maxAzs";
    public const string NatGateways = "natGateways";
    public const string Kafka = "kafka";
    public const string Brokers = "brokers";
    public const string BrokerInstanceType = "brokerInstanceType";
    public const string BrokerVolumeGiB = "brokerVolumeGiB";
    public const string KafkaVersion = "kafkaVersion";
    public const string RawTopic = "rawTopic";
    public const string ScoredTopic = "scoredTopic";
    public const string DeadLetterTopic = "deadLetterTopic";
    public const string Partitions = "partitions";
    public const string DeadLetterPartitions = "deadLetterPartitions";
    public const string TopicRetentionHours = "topicRetentionHours";
    public const string DeadLetterRetentionHours = "deadLetterRetentionHours";
    public const string LogTable = "logTable";
    public const string CounterTable = "counterTable";
    public const string RetentionDays = "retentionDays";
    public const string WriteShards = "writeShards";
    public const string RetainTables = "retainTables";
    public const string RcfModel = "rcfModel";
    public const string BuiltInModelDataUrl = "builtInModelDataUrl";
    public const string BuiltInImage = "builtInImage";
    public const string EndpointName = "endpointName";
    public const string EndpointInstanceType = "endpointInstanceType";
    public const string EndpointMinInstances = "endpointMinInstances";
    public const string EndpointMaxInstances = "endpointMaxInstances";
    public const string InvocationsPerInstance = "invocationsPerInstance";
    public const string ThresholdMode = "thresholdMode";
    public const string Threshold = "threshold";
    public const string Generator = "generator";
    public const string GeneratorRatePerSecond = "generatorRatePerSecond";
    public const string ServiceCpu = "serviceCpu";
    public const string ServiceMemoryMiB = "serviceMemoryMiB";
    public const string MinTasks = "minTasks";
    public const string MaxTasks = "maxTasks";
    public const string CpuTargetPercent = "cpuTargetPercent";
    public const string LagScaleOutThreshold = "lagScaleOutThreshold";
    public const string CertificateArn = "certificateArn";
    public const string InternetFacing = "internetFacing";
    public const string LogRetentionDays = "logRetentionDays";
    public const string AlarmEmail = "alarmEmail";
    public const string DeadLetterAlarmThreshold = "deadLetterAlarmThreshold";
    public const string AnomalyAlarmThreshold = "anomalyAlarmThreshold";
    public const string LagAlarmThreshold = "lagAlarmThreshold";
    public const string EndpointErrorAlarmThreshold = "endpointErrorAlarmThreshold";
}
