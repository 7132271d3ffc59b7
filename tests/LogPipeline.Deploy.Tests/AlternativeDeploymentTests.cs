using Amazon.CDK.Assertions;
using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

/// <summary>The options: provisioned MSK, the built-in RCF model, the generator, HTTPS, e-mail, other names and sizes.</summary>
[Collection(CdkCollection.Name)]
public class AlternativeDeploymentTests(AlternativeDeployment deployment)
{
    readonly SynthesizedStack _stack = deployment.Pipeline;

    [Fact]
    public void AProvisionedClusterHasTheGivenBrokersAcceptingOnlyIamOverTls()
    {
        _stack.Template.ResourceCountIs("AWS::MSK::ServerlessCluster", 0);
        var key = _stack.OfType("AWS::KMS::Key").Single().Id;
        _stack.Template.HasResourceProperties("AWS::MSK::Cluster", new Dictionary<string, object>
        {
            ["ClusterName"] = "lp2-kafka",
            ["NumberOfBrokerNodes"] = 4,
            ["BrokerNodeGroupInfo"] = Match.ObjectLike(new Dictionary<string, object> { ["InstanceType"] = "kafka.m7g.large" }),
            ["ClientAuthentication"] = new Dictionary<string, object>
            {
                ["Sasl"] = new Dictionary<string, object> { ["Iam"] = new Dictionary<string, object> { ["Enabled"] = true } },
                ["Unauthenticated"] = new Dictionary<string, object> { ["Enabled"] = false },
            },
            ["EncryptionInfo"] = new Dictionary<string, object>
            {
                ["EncryptionInTransit"] = new Dictionary<string, object> { ["ClientBroker"] = "TLS", ["InCluster"] = true },
                ["EncryptionAtRest"] = new Dictionary<string, object> { ["DataVolumeKMSKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { key, "Arn" } } },
            },
            ["EnhancedMonitoring"] = "DEFAULT",
        });
    }

    [Fact]
    public void TheBrokerConfigurationCarriesThePartitionsAndRefusesAutoCreatedTopics()
    {
        var properties = ((string?)_stack.OfType("AWS::MSK::Configuration").Single().Properties["ServerProperties"])!.Split('\n');

        Assert.Contains("auto.create.topics.enable=false", properties);
        Assert.Contains("num.partitions=6", properties);
        Assert.Contains("default.replication.factor=3", properties);
        Assert.Contains("min.insync.replicas=2", properties);
        var topics = SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition("logpipeline/scorer"), "topics"));
        Assert.Equal("6", topics["Pipeline__Kafka__Topics__0__Partitions"]);
        Assert.Equal("3", topics["Pipeline__Kafka__Topics__0__ReplicationFactor"]);
    }

    [Fact]
    public void KafkaPermissionsNameTheProvisionedClustersTopics()
    {
        var cluster = _stack.OfType("AWS::MSK::Cluster").Single().Id;
        var scorer = _stack.Statements(SynthesizedStack.RoleId(_stack.TaskDefinition("logpipeline/scorer")["TaskRoleArn"]));

        Assert.Equal(
            "arn:{AWS::Partition}:kafka:{AWS::Region}:{AWS::AccountId}:topic/lp2-kafka/{split(/,{" + cluster + ".Arn})[2]}/logs.raw",
            Assert.Single(scorer.Single(s => s.Sid == "KafkaConsume").Resources));
        Assert.Equal("{" + cluster + ".Arn}", Assert.Single(scorer.Single(s => s.Sid == "KafkaConnect").Resources));
    }

    [Fact]
    public void TheBuiltInModelRunsTheRegionsRcfImageOnTheTrainedArtifact()
    {
        var model = _stack.OfType("AWS::SageMaker::Model").Single();
        var container = model.Properties["PrimaryContainer"]!;
        var mapping = Cfn.Render(container["Image"]);

        Assert.StartsWith("{map(", mapping, StringComparison.Ordinal);
        Assert.Equal("s3://models-bucket/rcf/output/model.tar.gz", (string?)container["ModelDataUrl"]);
        var mappings = _stack.Json["Mappings"]!.AsObject().Single().Value!;
        Assert.Equal("382416733822.dkr.ecr.us-east-1.amazonaws.com/randomcutforest:1", (string?)mappings["us-east-1"]!["Image"]);
        Assert.Equal("438346466558.dkr.ecr.eu-west-1.amazonaws.com/randomcutforest:1", (string?)mappings["eu-west-1"]!["Image"]);

        var statements = _stack.Statements(SynthesizedStack.RoleId(model.Properties["ExecutionRoleArn"]));
        var artifact = statements.Single(s => s.Sid == "ModelArtifact");
        Assert.Equal(["s3:GetObject"], artifact.Actions);
        Assert.Equal("arn:{AWS::Partition}:s3:::models-bucket/rcf/output/model.tar.gz", Assert.Single(artifact.Resources));
        Assert.DoesNotContain(statements, s => s.Actions.Any(a => a.StartsWith("ecr:", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheEndpointScalesUpToTheGivenMaximum()
    {
        _stack.Template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object>
        {
            ["ServiceNamespace"] = "sagemaker",
            ["MinCapacity"] = 1,
            ["MaxCapacity"] = 3,
        });
    }

    [Fact]
    public void TheGeneratorRunsWhenEnabledAndMayOnlyProduceToRaw()
    {
        var task = _stack.TaskDefinition("logpipeline/generator");
        var environment = SynthesizedStack.Environment(_stack.Container(task, "app"));
        var statements = _stack.Statements(SynthesizedStack.RoleId(task["TaskRoleArn"]));

        Assert.Equal("50", environment["Pipeline__Generator__RatePerSecond"]);
        Assert.Equal("logs.raw", environment["Pipeline__Topics__Raw"]);
        Assert.Equal(["KafkaConnect", "KafkaCreateTopics", "KafkaProduce"], statements.Select(s => s.Sid!).Order());
        Assert.All(statements.Where(s => s.Sid != "KafkaConnect"), s => Assert.EndsWith("/logs.raw", Assert.Single(s.Resources), StringComparison.Ordinal));
    }

    [Fact]
    public void WithACertificateTheQueryApiIsServedOverHttpsAndHttpRedirects()
    {
        _stack.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new Dictionary<string, object>
        {
            ["Port"] = 443,
            ["Protocol"] = "HTTPS",
            ["Certificates"] = new object[] { new Dictionary<string, object> { ["CertificateArn"] = "arn:aws:acm:eu-west-1:111122223333:certificate/0000" } },
        });
        _stack.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new Dictionary<string, object>
        {
            ["Port"] = 80,
            ["DefaultActions"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "redirect" })]),
        });
    }

    [Fact]
    public void AlarmsAreMailedWhenAnAddressIsGiven()
    {
        _stack.Template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = "ops@example.com",
        });
    }

    [Fact]
    public void OtherTableNamesReachTheTablesThePoliciesAndTheServices()
    {
        Assert.Equal(["CountersProd", "LogsProd"], _stack.OfType("AWS::DynamoDB::Table").Select(t => (string)t.Properties["TableName"]!).Order());
        Assert.All(_stack.OfType("AWS::DynamoDB::Table"), t => Assert.Equal("Delete", (string?)t.Resource["DeletionPolicy"]));
        foreach (var service in new[] { "writer", "queryapi" })
        {
            var environment = SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition("logpipeline/" + service), "app"));
            Assert.Equal("LogsProd", environment["Pipeline__Storage__LogTable"]);
            Assert.Equal("CountersProd", environment["Pipeline__Storage__CounterTable"]);
            Assert.Equal("4", environment["Pipeline__Storage__WriteShards"]);
        }
    }

    [Fact]
    public void TheImageTagAndLogRetentionApplyEverywhere()
    {
        var images = _stack.OfType("AWS::ECS::TaskDefinition")
            .SelectMany(t => t.Properties["ContainerDefinitions"]!.AsArray())
            .Select(c => Cfn.Render(c!["Image"]))
            .ToList();

        Assert.Equal(10, images.Count);
        Assert.All(images, i => Assert.EndsWith(":abc1234", i, StringComparison.Ordinal));
        Assert.All(_stack.OfType("AWS::Logs::LogGroup"), g => Assert.Equal(90, (int?)g.Properties["RetentionInDays"]));
        _stack.Template.ResourceCountIs("AWS::ECS::Service", 5);
    }
}
