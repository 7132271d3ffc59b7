using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using LogPipeline.Deploy.Kafka;

namespace LogPipeline.Deploy.Services;

/// <summary>What one ECS Fargate service runs and needs.</summary>
public sealed record PipelineServiceProps
{
    /// <summary>Short name: image repository, log stream prefix, <c>OTEL_SERVICE_NAME</c> (scorer, writer, ...).</summary>
    public required string Name { get; init; }

    public required ICluster Cluster { get; init; }

    public required DeploymentSettings Settings { get; init; }

    public required RetentionDays LogRetention { get; init; }

    public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IDictionary<string, Secret> Secrets { get; init; } = new Dictionary<string, Secret>();

    /// <summary>The Kafka cluster the service talks to (with MSK IAM auth), if any.</summary>
    public KafkaCluster? Kafka { get; init; }

    /// <summary>Topics the initializer container creates (if missing) before the service starts.</summary>
    public IReadOnlyList<KafkaTopic> Topics { get; init; } = [];
}

/// <summary>
/// One of the pipeline's services on ECS Fargate: its own task role (least privilege: the stack adds exactly what it
/// calls), its own log group with a retention, the configuration of the published environment — Aspire's keys, no
/// emulator endpoint, MSK IAM auth — and, for Kafka services, a topic initializer that runs first.
/// </summary>
public sealed class PipelineService : Construct
{
    public const int ContainerPort = 8080;
    public const string AppContainerName = "app";
    public const string TopicsContainerName = "topics";

    public PipelineService(Construct scope, string id, PipelineServiceProps props)
        : base(scope, id)
    {
        Name = props.Name;
        var settings = props.Settings;
        TaskRole = new Role(this, "TaskRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = $"LogPipeline {Name}: only what the {Name} service calls",
        });
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = $"/{settings.Prefix.ToLowerInvariant()}/{Name}",
            Retention = props.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        TaskDefinition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Cpu = settings.ServiceCpu,
            MemoryLimitMiB = settings.ServiceMemoryMiB,
            TaskRole = TaskRole,
            RuntimePlatform = new RuntimePlatform
            {
                CpuArchitecture = CpuArchitecture.X86_64,
                OperatingSystemFamily = OperatingSystemFamily.LINUX,
            },
        });

        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = Name,
            ["ASPNETCORE_HTTP_PORTS"] = "8080",
            // One JSON object per line: CloudWatch metric filters read fields of it (see PipelineAlarms).
            ["Logging__Console__FormatterName"] = "json",
            ["AWS_REGION"] = Stack.Of(this).Region,
        };
        if (props.Kafka is { } kafka)
        {
            foreach (var (key, value) in KafkaEnvironment(kafka))
            {
                Environment[key] = value;
            }
        }

        foreach (var (key, value) in props.Environment)
        {
            Environment[key] = value;
        }

        Container = TaskDefinition.AddContainer(AppContainerName, new ContainerDefinitionOptions
        {
            Image = Image(settings, Name),
            Essential = true,
            Environment = Environment,
            Secrets = props.Secrets,
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = LogGroup, StreamPrefix = Name }),
            PortMappings = [new PortMapping { ContainerPort = ContainerPort, Protocol = Amazon.CDK.AWS.ECS.Protocol.TCP }],
            StopTimeout = Duration.Seconds(45),
        });

        if (props.Kafka is { } cluster && props.Topics.Count > 0)
        {
            var topics = TaskDefinition.AddContainer(TopicsContainerName, new ContainerDefinitionOptions
            {
                Image = Image(settings, ServiceImages.Topics),
                Essential = false,
                Environment = KafkaEnvironment(cluster)
                    .Concat(KafkaTopic.ToEnvironment(props.Topics, cluster.ReplicationFactor))
                    .Append(new("AWS_REGION", Stack.Of(this).Region))
                    .Append(new("Logging__Console__FormatterName", "json"))
                    .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = LogGroup, StreamPrefix = Name + "-topics" }),
            });
            Container.AddContainerDependencies(new ContainerDependency { Container = topics, Condition = ContainerDependencyCondition.SUCCESS });
            TaskRole.AddToPolicy(KafkaPermissions.CreateTopics(cluster, props.Topics.Select(t => t.Name)));
        }

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Cluster.Vpc,
            Description = $"LogPipeline {Name} tasks",
            AllowAllOutbound = true,
        });
        if (props.Kafka is { } brokers)
        {
            brokers.AllowClientsFrom(SecurityGroup, $"{Name} tasks");
            TaskRole.AddToPolicy(KafkaPermissions.Connect(brokers, idempotentProducer: true));
        }

        Service = new FargateService(this, "Service", new FargateServiceProps
        {
            Cluster = props.Cluster,
            TaskDefinition = TaskDefinition,
            ServiceName = Name,
            SecurityGroups = [SecurityGroup],
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            AssignPublicIp = false,
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
        });
    }

    public string Name { get; }

    public Role TaskRole { get; }

    public LogGroup LogGroup { get; }

    public FargateTaskDefinition TaskDefinition { get; }

    public ContainerDefinition Container { get; }

    public IDictionary<string, string> Environment { get; }

    public SecurityGroup SecurityGroup { get; }

    public FargateService Service { get; }

    /// <summary>The published Kafka configuration: the MSK IAM bootstrap servers, TLS, OAUTHBEARER with the MSK token handler.</summary>
    public static IEnumerable<KeyValuePair<string, string>> KafkaEnvironment(KafkaCluster kafka)
    {
        yield return new("ConnectionStrings__kafka", kafka.BootstrapBrokers);
        yield return new("Pipeline__Kafka__MskIamAuth", "true");
        foreach (var client in new[] { "Producer", "Consumer" })
        {
            yield return new($"Aspire__Confluent__Kafka__{client}__Config__security.protocol", "SASL_SSL");
            yield return new($"Aspire__Confluent__Kafka__{client}__Config__sasl.mechanism", "OAUTHBEARER");
        }
    }

    private ContainerImage Image(DeploymentSettings settings, string image) =>
        ContainerImage.FromEcrRepository(
            Repository.FromRepositoryName(this, image + "Repository", ServiceImages.Repository(settings.RepositoryPrefix, image)),
            settings.ImageTag);
}
