using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using LogPipeline.Deploy.Kafka;
using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class KafkaTests(DefaultDeployment deployment)
{
    readonly SynthesizedStack _stack = deployment.Pipeline;

    [Fact]
    public void TheDefaultClusterIsMskServerlessWithIamAuthenticationInThePrivateSubnets()
    {
        _stack.Template.ResourceCountIs("AWS::MSK::ServerlessCluster", 1);
        _stack.Template.ResourceCountIs("AWS::MSK::Cluster", 0);
        var cluster = _stack.OfType("AWS::MSK::ServerlessCluster").Single().Properties;

        Assert.Equal("logpipeline-kafka", (string?)cluster["ClusterName"]);
        Assert.Equal(true, (bool?)cluster["ClientAuthentication"]!["Sasl"]!["Iam"]!["Enabled"]);
        var subnets = cluster["VpcConfigs"]![0]!["SubnetIds"]!.AsArray().Select(Cfn.Render).ToList();
        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, s => Assert.Contains("private", s, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void BrokersAcceptOnlyThePipelineServicesOnTheIamTlsPort()
    {
        var brokerGroup = _stack.OfType("AWS::EC2::SecurityGroup").Single(g => ((string?)g.Properties["GroupDescription"])!.StartsWith("MSK brokers", StringComparison.Ordinal));
        var ingress = _stack.OfType("AWS::EC2::SecurityGroupIngress")
            .Where(i => Cfn.Render(i.Properties["GroupId"]) == "{" + brokerGroup.Id + ".GroupId}")
            .Select(i => i.Properties)
            .ToList();

        Assert.Equal(4, ingress.Count);
        Assert.All(ingress, rule =>
        {
            Assert.Equal(KafkaCluster.IamPort, (int?)rule["FromPort"]);
            Assert.Equal(KafkaCluster.IamPort, (int?)rule["ToPort"]);
            Assert.Null(rule["CidrIp"]);
        });
        Assert.Equal(
            ["{ArchiverSecurityGroup", "{QueryApiSecurityGroup", "{ScorerSecurityGroup", "{WriterSecurityGroup"],
            ingress.Select(r => Cfn.Render(r["SourceSecurityGroupId"])[..^"XXXXXXXX.GroupId}".Length]).Order());
        Assert.Null(brokerGroup.Properties["SecurityGroupIngress"]);
    }

    [Fact]
    public void ServicesGetTheIamBootstrapServersReadFromMskAtDeployTime()
    {
        _stack.Template.HasResourceProperties("Custom::AWS", new Dictionary<string, object> { ["InstallLatestAwsSdk"] = false });
        var (customResource, properties, _) = _stack.OfType("Custom::AWS").Single();
        foreach (var call in new[] { "Create", "Update" })
        {
            var sdkCall = JsonNode.Parse(Cfn.Render(properties[call]))!;
            Assert.Equal("Kafka", (string?)sdkCall["service"]);
            Assert.Equal("getBootstrapBrokers", (string?)sdkCall["action"]);
            Assert.Equal("{KafkaServerless3B746D71.Arn}", (string?)sdkCall["parameters"]!["ClusterArn"]);
            Assert.Equal("BootstrapBrokerStringSaslIam", (string?)sdkCall["outputPaths"]!.AsArray().Single());
        }

        var scorer = SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition("logpipeline/scorer"), "app"));

        Assert.Equal("{" + customResource + ".BootstrapBrokerStringSaslIam}", scorer["ConnectionStrings__kafka"]);
    }

    [Fact]
    public void TheBootstrapFunctionRunsOnACurrentRuntimeWithItsOwnScopedRoleAndLogRetention()
    {
        var function = _stack.OfType("AWS::Lambda::Function").Single().Properties;
        Assert.Equal(KafkaCluster.CustomResourceRuntime, (string?)function["Runtime"]);

        var role = SynthesizedStack.RoleId(function["Role"]);
        var statements = _stack.Statements(role);
        Assert.Contains(statements, s => s.Actions.SequenceEqual(["kafka:GetBootstrapBrokers"]) && s.Resources.Single() == "{KafkaServerless3B746D71.Arn}");
        Assert.Contains(statements, s => s.Actions.SequenceEqual(["logs:CreateLogStream", "logs:PutLogEvents"]) && s.Resources.Single().Contains("BootstrapBrokersLogs", StringComparison.Ordinal));
        Assert.Null(_stack.Resource(role)["Properties"]!["ManagedPolicyArns"]);
        _stack.Template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = "/aws/lambda/" + function["FunctionName"],
            ["RetentionInDays"] = 30,
        });
    }

    [Fact]
    public void KafkaClientsAreConfiguredForTlsAndTheMskIamTokenHandler()
    {
        foreach (var image in new[] { "logpipeline/scorer", "logpipeline/writer" })
        {
            var environment = SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition(image), "app"));

            Assert.Equal("true", environment["Pipeline__Kafka__MskIamAuth"]);
            Assert.Equal("{AWS::Region}", environment["AWS_REGION"]);
            foreach (var client in new[] { "Producer", "Consumer" })
            {
                Assert.Equal("SASL_SSL", environment[$"Aspire__Confluent__Kafka__{client}__Config__security.protocol"]);
                Assert.Equal("OAUTHBEARER", environment[$"Aspire__Confluent__Kafka__{client}__Config__sasl.mechanism"]);
            }
        }
    }

    [Fact]
    public void TheTopicInitializerRunsBeforeEachKafkaServiceWithTheTopicsSettings()
    {
        var scorerTask = _stack.TaskDefinition("logpipeline/scorer");
        var app = _stack.Container(scorerTask, "app");
        var topics = _stack.Container(scorerTask, "topics");
        var environment = SynthesizedStack.Environment(topics);

        Assert.Equal(false, (bool?)topics["Essential"]);
        Assert.Contains("/logpipeline/topics:" + DefaultDeployment.ImageTag, Cfn.Render(topics["Image"]), StringComparison.Ordinal);
        Assert.Equal("SUCCESS", (string?)app["DependsOn"]![0]!["Condition"]);
        Assert.Equal("topics", (string?)app["DependsOn"]![0]!["ContainerName"]);
        Assert.Equal(
            [("logs.raw", "8", "86400000"), ("logs.scored", "8", "86400000"), ("logs.dlq", "2", "604800000")],
            Enumerable.Range(0, 3).Select(i => (
                environment[$"Pipeline__Kafka__Topics__{i}__Name"],
                environment[$"Pipeline__Kafka__Topics__{i}__Partitions"],
                environment[$"Pipeline__Kafka__Topics__{i}__RetentionMs"])));
        Assert.DoesNotContain(environment.Keys, k => k.EndsWith("ReplicationFactor", StringComparison.Ordinal));
        Assert.Equal("true", environment["Pipeline__Kafka__MskIamAuth"]);

        var writerTopics = SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition("logpipeline/writer"), "topics"));
        Assert.Equal("logs.scored", writerTopics["Pipeline__Kafka__Topics__0__Name"]);
        Assert.Equal("logs.dlq", writerTopics["Pipeline__Kafka__Topics__1__Name"]);
        Assert.False(writerTopics.ContainsKey("Pipeline__Kafka__Topics__2__Name"));
    }

    [Fact]
    public void TheQueryApiReadsDeadLettersAndRedrivesIntoRawOverMskIam()
    {
        var task = _stack.TaskDefinition("logpipeline/queryapi");
        var environment = SynthesizedStack.Environment(_stack.Container(task, "app"));
        var topics = SynthesizedStack.Environment(_stack.Container(task, "topics"));

        Assert.Equal("true", environment["Pipeline__Kafka__MskIamAuth"]);
        Assert.Equal("logs.raw", environment["Pipeline__Topics__Raw"]);
        Assert.Equal("logs.dlq", environment["Pipeline__Topics__DeadLetter"]);
        Assert.Equal(["logs.raw", "logs.dlq"], [topics["Pipeline__Kafka__Topics__0__Name"], topics["Pipeline__Kafka__Topics__1__Name"]]);
    }
}
