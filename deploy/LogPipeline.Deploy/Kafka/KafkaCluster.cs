using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.MSK;
using Amazon.CDK.CustomResources;
using Constructs;

namespace LogPipeline.Deploy.Kafka;

/// <summary>
/// The Amazon MSK cluster — Serverless by default, provisioned as an option — with IAM access control over TLS
/// (port 9098) only, its security group, and its IAM bootstrap servers (read at deploy time with
/// <c>kafka:GetBootstrapBrokers</c>: CloudFormation does not return them). Also builds the ARNs that scope
/// <c>kafka-cluster:*</c> permissions to one topic or consumer group.
/// </summary>
public sealed class KafkaCluster : Construct
{
    /// <summary>The port of MSK's SASL/IAM listener (TLS).</summary>
    public const int IamPort = 9098;

    /// <summary>The Lambda runtime of the custom resource that reads the bootstrap servers.</summary>
    public const string CustomResourceRuntime = "nodejs22.x";

    /// <summary>The construct id CDK gives the singleton function behind every AwsCustomResource of a stack.</summary>
    private const string AwsCustomResourceFunctionId = "AWS679f53fac002430cb0da5b7982bd2287";

    public KafkaCluster(Construct scope, string id, DeploymentSettings settings, IVpc vpc, IKey key, RetentionDays logRetention)
        : base(scope, id)
    {
        Settings = settings;
        ClusterName = settings.Prefix.ToLowerInvariant() + "-kafka";
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            Description = "MSK brokers: IAM-authenticated TLS clients on 9098 from the pipeline's services",
            AllowAllOutbound = false,
        });
        var subnets = vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS }).SubnetIds;

        if (settings.Kafka == KafkaClusterKind.Serverless)
        {
            var serverless = new CfnServerlessCluster(this, "Serverless", new CfnServerlessClusterProps
            {
                ClusterName = ClusterName,
                ClientAuthentication = new CfnServerlessCluster.ClientAuthenticationProperty
                {
                    Sasl = new CfnServerlessCluster.SaslProperty { Iam = new CfnServerlessCluster.IamProperty { Enabled = true } },
                },
                VpcConfigs = new object[] { new CfnServerlessCluster.VpcConfigProperty { SubnetIds = subnets, SecurityGroups = [SecurityGroup.SecurityGroupId] } },
            });
            ClusterArn = serverless.AttrArn;
            Resource = serverless;
            // MSK Serverless replicates every partition three times; the replication factor is not settable.
            ReplicationFactor = null;
        }
        else
        {
            ReplicationFactor = Math.Min(3, settings.Brokers);
            var configuration = new CfnConfiguration(this, "Configuration", new CfnConfigurationProps
            {
                Name = ClusterName + "-config",
                Description = "LogPipeline broker settings: topics are created explicitly, writes need a majority of replicas.",
                ServerProperties = string.Join('\n',
                    "auto.create.topics.enable=false",
                    $"default.replication.factor={ReplicationFactor}",
                    $"min.insync.replicas={Math.Max(1, ReplicationFactor.Value - 1)}",
                    $"num.partitions={settings.Partitions}",
                    "unclean.leader.election.enable=false"),
            });
            var brokerLogs = new LogGroup(this, "BrokerLogs", new LogGroupProps
            {
                LogGroupName = $"/aws/msk/{ClusterName}",
                Retention = logRetention,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            var provisioned = new CfnCluster(this, "Provisioned", new CfnClusterProps
            {
                ClusterName = ClusterName,
                KafkaVersion = settings.KafkaVersion,
                NumberOfBrokerNodes = settings.Brokers,
                BrokerNodeGroupInfo = new CfnCluster.BrokerNodeGroupInfoProperty
                {
                    InstanceType = settings.BrokerInstanceType,
                    ClientSubnets = subnets,
                    SecurityGroups = [SecurityGroup.SecurityGroupId],
                    StorageInfo = new CfnCluster.StorageInfoProperty
                    {
                        EbsStorageInfo = new CfnCluster.EBSStorageInfoProperty { VolumeSize = settings.BrokerVolumeGiB },
                    },
                },
                ClientAuthentication = new CfnCluster.ClientAuthenticationProperty
                {
                    Sasl = new CfnCluster.SaslProperty { Iam = new CfnCluster.IamProperty { Enabled = true } },
                    Unauthenticated = new CfnCluster.UnauthenticatedProperty { Enabled = false },
                },
                EncryptionInfo = new CfnCluster.EncryptionInfoProperty
                {
                    EncryptionInTransit = new CfnCluster.EncryptionInTransitProperty { ClientBroker = "TLS", InCluster = true },
                    EncryptionAtRest = new CfnCluster.EncryptionAtRestProperty { DataVolumeKmsKeyId = key.KeyArn },
                },
                ConfigurationInfo = new CfnCluster.ConfigurationInfoProperty
                {
                    Arn = configuration.AttrArn,
                    Revision = Token.AsNumber(configuration.AttrLatestRevisionRevision),
                },
                // Consumer lag (SumOffsetLag per group and topic) is published at the DEFAULT level.
                EnhancedMonitoring = "DEFAULT",
                LoggingInfo = new CfnCluster.LoggingInfoProperty
                {
                    BrokerLogs = new CfnCluster.BrokerLogsProperty
                    {
                        CloudWatchLogs = new CfnCluster.CloudWatchLogsProperty { Enabled = true, LogGroup = brokerLogs.LogGroupName },
                    },
                },
            });
            ClusterArn = provisioned.AttrArn;
            Resource = provisioned;
        }

        BootstrapBrokers = ReadBootstrapBrokers(logRetention);
    }

    public DeploymentSettings Settings { get; }

    public string ClusterName { get; }

    public string ClusterArn { get; }

    public CfnResource Resource { get; }

    public SecurityGroup SecurityGroup { get; }

    /// <summary>The replication factor topics are created with; null on Serverless, which fixes it.</summary>
    public int? ReplicationFactor { get; }

    /// <summary>The IAM (SASL_SSL, 9098) bootstrap servers, as <c>ConnectionStrings__kafka</c> wants them.</summary>
    public string BootstrapBrokers { get; }

    /// <summary>The cluster's UUID, the last segment of its ARN (<c>arn:...:cluster/{name}/{uuid}</c>).</summary>
    private string ClusterUuid => Fn.Select(2, Fn.Split("/", ClusterArn));

    /// <summary><c>arn:aws:kafka:{region}:{account}:topic/{cluster}/{uuid}/{topic}</c>: one topic, no wildcard.</summary>
    public string TopicArn(string topic) => Arn("topic", topic);

    /// <summary><c>arn:aws:kafka:{region}:{account}:group/{cluster}/{uuid}/{group}</c>: one consumer group, no wildcard.</summary>
    public string GroupArn(string group) => Arn("group", group);

    /// <summary>Lets <paramref name="peer"/> reach the IAM listener.</summary>
    public void AllowClientsFrom(IConnectable peer, string description) =>
        SecurityGroup.Connections.AllowFrom(peer, Port.Tcp(IamPort), description);

    private string Arn(string resourceType, string name) =>
        Stack.Of(this).FormatArn(new ArnComponents
        {
            Service = "kafka",
            Resource = resourceType,
            ResourceName = $"{ClusterName}/{ClusterUuid}/{name}",
            ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
        });

    private string ReadBootstrapBrokers(RetentionDays logRetention)
    {
        // The custom resource's function gets a fixed name so that its log group can be declared with a retention
        // and its role scoped to that log group and this cluster (no AWSLambdaBasicExecutionRole on "*").
        var functionName = Settings.Prefix + "-msk-bootstrap-brokers";
        var logGroup = new LogGroup(this, "BootstrapBrokersLogs", new LogGroupProps
        {
            LogGroupName = "/aws/lambda/" + functionName,
            Retention = logRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var role = new Role(this, "BootstrapBrokersRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Reads the MSK cluster's bootstrap servers at deploy time",
        });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [logGroup.LogGroupArn],
        }));

        var call = new AwsSdkCall
        {
            Service = "Kafka",
            Action = "getBootstrapBrokers",
            Parameters = new Dictionary<string, object> { ["ClusterArn"] = ClusterArn },
            PhysicalResourceId = PhysicalResourceId.Of(ClusterArn),
            OutputPaths = ["BootstrapBrokerStringSaslIam"],
        };
        var brokers = new AwsCustomResource(this, "BootstrapBrokers", new AwsCustomResourceProps
        {
            FunctionName = functionName,
            Role = role,
            OnCreate = call,
            OnUpdate = call,
            InstallLatestAwsSdk = false,
            Policy = AwsCustomResourcePolicy.FromStatements(
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["kafka:GetBootstrapBrokers"], Resources = [ClusterArn] }),
            ]),
        });
        brokers.Node.AddDependency(logGroup);

        // CDK 2.103 deploys this function on nodejs18.x, which Lambda no longer lets anyone create; its handler runs
        // unchanged on a current runtime, whose AWS SDK v3 it uses.
        var function = Stack.Of(this).Node.TryFindChild(AwsCustomResourceFunctionId)
            ?? throw new InvalidOperationException("The AwsCustomResource function was not found in the stack.");
        ((CfnResource)function.Node.DefaultChild!).AddPropertyOverride("Runtime", CustomResourceRuntime);
        return brokers.GetResponseField("BootstrapBrokerStringSaslIam");
    }
}
