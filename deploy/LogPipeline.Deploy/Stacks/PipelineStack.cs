using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using LogPipeline.Contracts;
using LogPipeline.Deploy.Archive;
using LogPipeline.Deploy.Data;
using LogPipeline.Deploy.Kafka;
using LogPipeline.Deploy.Model;
using LogPipeline.Deploy.Monitoring;
using LogPipeline.Deploy.Services;
using LogPipeline.Storage;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Schema;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;
using Protocol = Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationProtocol;

namespace LogPipeline.Deploy.Stacks;

/// <summary>
/// Everything the pipeline runs on in AWS, as the AppHost composes it locally: the network, the DynamoDB tables, the
/// MSK cluster and its topics, the SageMaker RCF endpoint, the services on ECS Fargate and their alarms. One stack, so
/// that switching an option (e.g. serverless to provisioned MSK) never meets a cross-stack export in use.
/// </summary>
public sealed class PipelineStack : Stack
{
    public PipelineStack(Construct scope, string id, DeploymentSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        Settings = settings;
        var logRetention = LogRetention.FromDays(settings.LogRetentionDays);

        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = settings.MaxAzs,
            NatGateways = settings.NatGateways,
            RestrictDefaultSecurityGroup = false,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 22 },
            ],
            // DynamoDB and S3 (ECR's image layers) without the NAT gateway's per-GB charge.
            GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions>
            {
                ["DynamoDb"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB },
                ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 },
            },
        });

        Key = new Key(this, "DataKey", new KeyProps
        {
            Description = "LogPipeline data at rest: DynamoDB tables, MSK broker volumes, the S3 archive and its change stream",
            EnableKeyRotation = true,
            RemovalPolicy = settings.RetainTables ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        ArchiveBucket = settings.ArchiveBucketArn is null ? new ArchiveBucket(this, "Archive", settings, Key) : null;
        ArchiveBucketArn = ArchiveBucket?.BucketArn ?? settings.ArchiveBucketArn!;
        ArchiveBucketName = ArchiveBucket?.BucketName ?? Arn.Split(ArchiveBucketArn, ArnFormat.NO_RESOURCE_NAME).Resource;
        ArchiveKeyArn = ArchiveBucket?.KeyArn ?? settings.ArchiveKeyArn!;
        FirehoseArchive = settings.Archive == ArchivePath.Firehose
            ? new FirehoseArchive(this, "FirehoseArchive", settings, Key, ArchiveBucketArn, ArchiveKeyArn, logRetention)
            : null;
        Tables = new LogTables(this, "Tables", settings.Storage, Key, settings.RetainTables, FirehoseArchive?.Stream);
        Kafka = new KafkaCluster(this, "Kafka", settings, Vpc, Key, logRetention);
        Endpoint = new RcfEndpoint(this, "Rcf", settings, logRetention);

        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            Vpc = Vpc,
            ClusterName = settings.Prefix.ToLowerInvariant(),
        });
        var topics = KafkaTopic.All(settings);
        KafkaTopic Topic(string name) => topics.Single(t => t.Name == name);

        Scorer = new PipelineService(this, "Scorer", new PipelineServiceProps
        {
            Name = ServiceImages.Scorer,
            Cluster = Cluster,
            Settings = settings,
            LogRetention = logRetention,
            Kafka = Kafka,
            Topics = [Topic(settings.RawTopic), Topic(settings.ScoredTopic), Topic(settings.DeadLetterTopic)],
            Environment = new Dictionary<string, string>
            {
                ["Pipeline__Topics__Raw"] = settings.RawTopic,
                ["Pipeline__Topics__Scored"] = settings.ScoredTopic,
                ["Pipeline__Topics__DeadLetter"] = settings.DeadLetterTopic,
                ["Pipeline__Scorer__ConsumerGroup"] = ConsumerGroups.Scorer,
                ["Pipeline__Scorer__EndpointName"] = settings.EndpointName,
                ["Pipeline__Scorer__Threshold__Mode"] = settings.ThresholdMode,
                ["Pipeline__Scorer__Threshold__Value"] = settings.Threshold.ToString(CultureInfo.InvariantCulture),
            },
        });
        Scorer.TaskRole.AddToPolicy(KafkaPermissions.Consume(Kafka, settings.RawTopic));
        Scorer.TaskRole.AddToPolicy(KafkaPermissions.ConsumerGroup(Kafka, ConsumerGroups.Scorer));
        Scorer.TaskRole.AddToPolicy(KafkaPermissions.Produce(Kafka, settings.ScoredTopic, settings.DeadLetterTopic));
        Scorer.TaskRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "InvokeEndpoint",
            Actions = ["sagemaker:InvokeEndpoint"],
            Resources = [Endpoint.EndpointArn],
        }));

        Writer = new PipelineService(this, "Writer", new PipelineServiceProps
        {
            Name = ServiceImages.Writer,
            Cluster = Cluster,
            Settings = settings,
            LogRetention = logRetention,
            Kafka = Kafka,
            Topics = [Topic(settings.ScoredTopic), Topic(settings.DeadLetterTopic)],
            Environment = new Dictionary<string, string>(StorageEnvironment(settings.Storage))
            {
                ["Pipeline__Topics__Scored"] = settings.ScoredTopic,
                ["Pipeline__Topics__DeadLetter"] = settings.DeadLetterTopic,
                ["Pipeline__Writer__ConsumerGroup"] = ConsumerGroups.Writer,
                // The tables belong to this stack; the writer must not create them.
                ["Pipeline__Storage__EnsureTables"] = "false",
            },
        });
        Writer.TaskRole.AddToPolicy(KafkaPermissions.Consume(Kafka, settings.ScoredTopic));
        Writer.TaskRole.AddToPolicy(KafkaPermissions.ConsumerGroup(Kafka, ConsumerGroups.Writer));
        Writer.TaskRole.AddToPolicy(KafkaPermissions.Produce(Kafka, settings.DeadLetterTopic));
        // LogBatchWriter: BatchGetItem (already stored?) and BatchWriteItem; CounterWriter: GetItem and UpdateItem in transactions.
        Writer.TaskRole.AddToPolicy(TableStatement("WriteLogs", ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem"], Tables.LogTable.TableArn));
        Writer.TaskRole.AddToPolicy(TableStatement("WriteCounters", ["dynamodb:GetItem", "dynamodb:UpdateItem"], Tables.CounterTable.TableArn));
        Writer.TaskRole.AddToPolicy(KeyStatement(["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"]));

        if (settings.Archive == ArchivePath.Archiver)
        {
            Archiver = new PipelineService(this, "Archiver", new PipelineServiceProps
            {
                Name = ServiceImages.Archiver,
                Cluster = Cluster,
                Settings = settings,
                LogRetention = logRetention,
                Kafka = Kafka,
                Topics = [Topic(settings.ScoredTopic), Topic(settings.DeadLetterTopic)],
                Environment = new Dictionary<string, string>(ArchiveEnvironment(ArchiveBucketName))
                {
                    ["Pipeline__Topics__Scored"] = settings.ScoredTopic,
                    ["Pipeline__Topics__DeadLetter"] = settings.DeadLetterTopic,
                    ["Pipeline__Archiver__ConsumerGroup"] = ConsumerGroups.Archiver,
                    ["Pipeline__Archiver__BufferSize"] = (settings.ArchiveBufferMiB * 1024L * 1024L).ToString(CultureInfo.InvariantCulture),
                    ["Pipeline__Archiver__BufferInterval"] = TimeSpan.FromSeconds(settings.ArchiveBufferSeconds).ToString("c", CultureInfo.InvariantCulture),
                },
            });
            Archiver.TaskRole.AddToPolicy(KafkaPermissions.Consume(Kafka, settings.ScoredTopic));
            Archiver.TaskRole.AddToPolicy(KafkaPermissions.ConsumerGroup(Kafka, ConsumerGroups.Archiver));
            Archiver.TaskRole.AddToPolicy(KafkaPermissions.Produce(Kafka, settings.DeadLetterTopic));
            Archiver.TaskRole.AddToPolicy(ArchivePermissions.WriteObjects(ArchiveBucketArn));
            Archiver.TaskRole.AddToPolicy(ArchivePermissions.ListBucket(ArchiveBucketArn));
            Archiver.TaskRole.AddToPolicy(ArchivePermissions.UseKey(this, ArchiveKeyArn));
        }

        QueryApi = new PipelineService(this, "QueryApi", new PipelineServiceProps
        {
            Name = ServiceImages.QueryApi,
            Cluster = Cluster,
            Settings = settings,
            LogRetention = logRetention,
            Kafka = Kafka,
            Topics = [Topic(settings.RawTopic), Topic(settings.DeadLetterTopic)],
            Environment = new Dictionary<string, string>(StorageEnvironment(settings.Storage).Concat(ArchiveEnvironment(ArchiveBucketName)))
            {
                ["Pipeline__Topics__Raw"] = settings.RawTopic,
                ["Pipeline__Topics__DeadLetter"] = settings.DeadLetterTopic,
                ["Pipeline__QueryApi__RequireApiKey"] = "true",
                // No Swagger UI or OpenAPI document in production (the services' default outside Development, made explicit).
                ["Pipeline__QueryApi__ServeDocumentation"] = "false",
            },
            Secrets = QueryApiSecrets(),
        });
        // LogQueries and CounterQueries: Query by key on the tables and the two named indexes, never Scan.
        QueryApi.TaskRole.AddToPolicy(TableStatement(
            "ReadLogs",
            ["dynamodb:GetItem", "dynamodb:Query"],
            [Tables.LogTable.TableArn, .. Tables.LogSchema.GlobalSecondaryIndexes.Select(i => IndexArn(Tables.LogTable.TableArn, i))]));
        QueryApi.TaskRole.AddToPolicy(TableStatement("ReadCounters", ["dynamodb:GetItem", "dynamodb:Query"], Tables.CounterTable.TableArn));
        // Dead letters: read logs.dlq (assigned partitions, no consumer group) and re-drive into logs.raw; replay
        // reads the archive and re-publishes to logs.raw or restores into the log table through the writer's path.
        QueryApi.TaskRole.AddToPolicy(KafkaPermissions.Consume(Kafka, settings.DeadLetterTopic));
        QueryApi.TaskRole.AddToPolicy(KafkaPermissions.Produce(Kafka, settings.RawTopic));
        QueryApi.TaskRole.AddToPolicy(ArchivePermissions.ReadObjects(ArchiveBucketArn));
        QueryApi.TaskRole.AddToPolicy(ArchivePermissions.ListBucket(ArchiveBucketArn));
        QueryApi.TaskRole.AddToPolicy(ArchivePermissions.UseKey(this, ArchiveKeyArn, "kms:Decrypt"));
        QueryApi.TaskRole.AddToPolicy(TableStatement("RestoreLogs", ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem"], Tables.LogTable.TableArn));
        QueryApi.TaskRole.AddToPolicy(TableStatement("RestoreCounters", ["dynamodb:GetItem", "dynamodb:UpdateItem"], Tables.CounterTable.TableArn));
        // Re-drive: RedriveLedger's claim, confirmation and release, on its own items of the counter table only.
        QueryApi.TaskRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "RedriveLedger",
            Actions = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
            Resources = [Tables.CounterTable.TableArn],
            Conditions = new Dictionary<string, object>
            {
                ["ForAllValues:StringLike"] = new Dictionary<string, object> { ["dynamodb:LeadingKeys"] = new[] { CounterNames.RedrivenSeries("*") } },
            },
        }));
        QueryApi.TaskRole.AddToPolicy(KeyStatement(["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"]));
        LoadBalancer = QueryApiLoadBalancer(settings);

        if (settings.Generator)
        {
            Generator = new PipelineService(this, "Generator", new PipelineServiceProps
            {
                Name = ServiceImages.Generator,
                Cluster = Cluster,
                Settings = settings,
                LogRetention = logRetention,
                Kafka = Kafka,
                Topics = [Topic(settings.RawTopic)],
                Environment = new Dictionary<string, string>
                {
                    ["Pipeline__Topics__Raw"] = settings.RawTopic,
                    ["Pipeline__Generator__RatePerSecond"] = settings.GeneratorRatePerSecond.ToString(CultureInfo.InvariantCulture),
                },
            });
            Generator.TaskRole.AddToPolicy(KafkaPermissions.Produce(Kafka, settings.RawTopic));
        }

        Alarms = new PipelineAlarms(this, "Alarms", settings, Kafka, Endpoint, Scorer, Writer);
        ScaleConsumer(Scorer, PipelineAlarms.ConsumerLag(Kafka, ConsumerGroups.Scorer, settings.RawTopic));
        ScaleConsumer(Writer, PipelineAlarms.ConsumerLag(Kafka, ConsumerGroups.Writer, settings.ScoredTopic));
        var queryApiScaling = QueryApi.Service.AutoScaleTaskCount(new EnableScalingProps { MinCapacity = settings.MinTasks, MaxCapacity = settings.MaxTasks });
        queryApiScaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = settings.CpuTargetPercent });

        Output("QueryApiUrl", $"{(settings.CertificateArn is null ? "http" : "https")}://{LoadBalancer.LoadBalancerDnsName}", "The Query API (send the key in X-Api-Key)");
        Output("QueryApiKeySecret", ApiKeySecret!.SecretArn, "aws secretsmanager get-secret-value --secret-id <this> --query SecretString --output text");
        Output("KafkaBootstrapServers", Kafka.BootstrapBrokers, "MSK IAM bootstrap servers (SASL_SSL, port 9098)");
        Output("KafkaClusterArn", Kafka.ClusterArn, "The MSK cluster");
        Output("SageMakerEndpoint", Endpoint.EndpointName, "The endpoint the scorer invokes");
        Output("AlarmTopic", Alarms.Topic.TopicArn, "Subscribe to the alarms here");
        Output("ArchiveBucket", ArchiveBucketName, "The S3 archive of scored logs (aws s3 ls s3://<this>/)");
    }

    public DeploymentSettings Settings { get; }

    public Vpc Vpc { get; }

    public Key Key { get; }

    public LogTables Tables { get; }

    public KafkaCluster Kafka { get; }

    public RcfEndpoint Endpoint { get; }

    public Cluster Cluster { get; }

    public PipelineService Scorer { get; }

    public PipelineService Writer { get; }

    public PipelineService QueryApi { get; }

    public PipelineService? Generator { get; }

    /// <summary>The archiver service (the default archive path); null on the Firehose path.</summary>
    public PipelineService? Archiver { get; }

    /// <summary>The archive bucket this stack creates; null when it delivers into another (<see cref="DeploymentSettings.ArchiveBucketArn"/>).</summary>
    public ArchiveBucket? ArchiveBucket { get; }

    public string ArchiveBucketArn { get; }

    public string ArchiveBucketName { get; }

    public string ArchiveKeyArn { get; }

    /// <summary>The managed archive path (table → Kinesis → Firehose); null on the archiver path.</summary>
    public FirehoseArchive? FirehoseArchive { get; }

    public ApplicationLoadBalancer LoadBalancer { get; }

    public Amazon.CDK.AWS.SecretsManager.Secret? ApiKeySecret { get; private set; }

    public PipelineAlarms Alarms { get; }

    /// <summary>The storage settings both the writer and the Query API must share (readers derive index keys from them).</summary>
    public static IDictionary<string, string> StorageEnvironment(StorageOptions storage) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Pipeline__Storage__LogTable"] = storage.LogTable,
        ["Pipeline__Storage__CounterTable"] = storage.CounterTable,
        ["Pipeline__Storage__RetentionDays"] = storage.RetentionDays.ToString(CultureInfo.InvariantCulture),
        ["Pipeline__Storage__WriteShards"] = storage.WriteShards.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Where the archive is, for the archiver (writes it) and the Query API (lists and replays it).</summary>
    public static IDictionary<string, string> ArchiveEnvironment(string bucketName) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // LogPipeline.Archive's ArchiveBucket.ConnectionName: the bucket is the archive's "connection string".
        ["ConnectionStrings__archive"] = bucketName,
    };

    private static string IndexArn(string tableArn, IndexSchema index) => $"{tableArn}/index/{index.Name}";

    private static PolicyStatement TableStatement(string sid, string[] actions, params string[] resources) => new(new PolicyStatementProps
    {
        Sid = sid,
        Actions = actions,
        Resources = resources,
    });

    /// <summary>The tables' KMS key, only through DynamoDB in this region.</summary>
    private PolicyStatement KeyStatement(string[] actions) => new(new PolicyStatementProps
    {
        Sid = "TableKey",
        Actions = actions,
        Resources = [Key.KeyArn],
        Conditions = new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"dynamodb.{Region}.{UrlSuffix}" },
        },
    });

    private Dictionary<string, EcsSecret> QueryApiSecrets()
    {
        ApiKeySecret = new Amazon.CDK.AWS.SecretsManager.Secret(this, "QueryApiKey", new SecretProps
        {
            Description = "LogPipeline Query API key (X-Api-Key)",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 40, ExcludePunctuation = true },
        });
        var cursorSecret = new Amazon.CDK.AWS.SecretsManager.Secret(this, "QueryApiCursorSecret", new SecretProps
        {
            Description = "LogPipeline Query API pagination cursor signing key (shared by its tasks)",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 64, ExcludePunctuation = true },
        });
        return new Dictionary<string, EcsSecret>
        {
            ["Pipeline__QueryApi__ApiKeys__0"] = EcsSecret.FromSecretsManager(ApiKeySecret),
            ["Pipeline__QueryApi__CursorSecret"] = EcsSecret.FromSecretsManager(cursorSecret),
        };
    }

    private ApplicationLoadBalancer QueryApiLoadBalancer(DeploymentSettings settings)
    {
        // No public listener without TLS: internet-facing only with a certificate (DeploymentSettings.Validate), and
        // an internal load balancer accepts only the VPC's own addresses.
        var loadBalancer = new ApplicationLoadBalancer(this, "QueryApiLoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = Vpc,
            InternetFacing = settings.IsInternetFacing,
            DropInvalidHeaderFields = true,
        });
        var port = settings.CertificateArn is null ? 80 : 443;
        var listener = settings.CertificateArn is { } certificate
            ? loadBalancer.AddListener("Https", new BaseApplicationListenerProps
            {
                Port = port,
                Protocol = Protocol.HTTPS,
                Certificates = [ListenerCertificate.FromArn(certificate)],
                SslPolicy = SslPolicy.RECOMMENDED_TLS,
                Open = settings.IsInternetFacing,
            })
            : loadBalancer.AddListener("Http", new BaseApplicationListenerProps { Port = port, Protocol = Protocol.HTTP, Open = false });
        if (!settings.IsInternetFacing)
        {
            loadBalancer.Connections.AllowFrom(Peer.Ipv4(Vpc.VpcCidrBlock), Port.Tcp(port), "The Query API from inside the VPC");
        }

        if (settings.CertificateArn is not null && settings.IsInternetFacing)
        {
            loadBalancer.AddRedirect();
        }

        listener.AddTargets("QueryApi", new AddApplicationTargetsProps
        {
            Port = PipelineService.ContainerPort,
            Protocol = Protocol.HTTP,
            Targets = [QueryApi.Service],
            DeregistrationDelay = Duration.Seconds(30),
            HealthCheck = new HealthCheck { Path = "/health", HealthyHttpCodes = "200", Interval = Duration.Seconds(15) },
        });
        return loadBalancer;
    }

    /// <summary>CPU target tracking both ways; consumer lag adds tasks (never removes them: CPU decides when to scale in).</summary>
    private void ScaleConsumer(PipelineService service, Amazon.CDK.AWS.CloudWatch.Metric lag)
    {
        var scaling = service.Service.AutoScaleTaskCount(new EnableScalingProps { MinCapacity = Settings.MinTasks, MaxCapacity = Settings.MaxTasks });
        scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps
        {
            TargetUtilizationPercent = Settings.CpuTargetPercent,
            ScaleInCooldown = Duration.Minutes(5),
            ScaleOutCooldown = Duration.Minutes(1),
        });
        scaling.ScaleOnMetric("ConsumerLag", new BasicStepScalingPolicyProps
        {
            Metric = lag,
            AdjustmentType = AdjustmentType.CHANGE_IN_CAPACITY,
            Cooldown = Duration.Minutes(3),
            ScalingSteps =
            [
                new ScalingInterval { Upper = Settings.LagScaleOutThreshold, Change = 0 },
                new ScalingInterval { Lower = Settings.LagScaleOutThreshold, Change = 1 },
                new ScalingInterval { Lower = Settings.LagScaleOutThreshold * 10, Change = 2 },
            ],
        });
    }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
