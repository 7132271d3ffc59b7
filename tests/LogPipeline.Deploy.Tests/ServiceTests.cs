using Amazon.CDK.Assertions;
using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class ServiceTests(DefaultDeployment deployment)
{
    readonly SynthesizedStack _stack = deployment.Pipeline;

    [Fact]
    public void TheScorerWriterAndQueryApiRunOnFargateEachWithItsOwnTaskRole()
    {
        var services = _stack.OfType("AWS::ECS::Service").Select(s => s.Properties).ToList();
        Assert.Equal(["archiver", "queryapi", "scorer", "writer"], services.Select(s => (string)s["ServiceName"]!).Order());
        Assert.All(services, s =>
        {
            Assert.Equal("FARGATE", (string?)s["LaunchType"]);
            Assert.Equal("DISABLED", (string?)s["NetworkConfiguration"]!["AwsvpcConfiguration"]!["AssignPublicIp"]);
            Assert.Equal(true, (bool?)s["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!["Rollback"]);
        });

        var taskRoles = new[] { "scorer", "writer", "queryapi", "archiver" }
            .Select(n => SynthesizedStack.RoleId(_stack.TaskDefinition("logpipeline/" + n)["TaskRoleArn"]))
            .ToList();
        Assert.Equal(4, taskRoles.Distinct().Count());
        Assert.All(taskRoles, role => Assert.Equal(
            "ecs-tasks.amazonaws.com",
            (string?)_stack.Resource(role)["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]));
    }

    [Fact]
    public void TheGeneratorIsOptionalAndOffByDefault()
    {
        Assert.DoesNotContain(_stack.OfType("AWS::ECS::TaskDefinition"), t => Cfn.Render(t.Properties["ContainerDefinitions"]![0]!["Image"]).Contains("/generator:", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutACertificateTheQueryApiIsBehindAnInternalLoadBalancerCheckingItsHealthEndpoint()
    {
        _stack.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", new Dictionary<string, object>
        {
            ["Scheme"] = "internal",
            ["Type"] = "application",
        });
        _stack.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new Dictionary<string, object>
        {
            ["Port"] = 80,
            ["Protocol"] = "HTTP",
        });
        _stack.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", new Dictionary<string, object>
        {
            ["Port"] = 8080,
            ["Protocol"] = "HTTP",
            ["TargetType"] = "ip",
            ["HealthCheckPath"] = "/health",
        });
        var queryApi = _stack.OfType("AWS::ECS::Service").Single(s => (string?)s.Properties["ServiceName"] == "queryapi").Properties;
        Assert.Equal("app", (string?)queryApi["LoadBalancers"]![0]!["ContainerName"]);
        Assert.Equal(8080, (int?)queryApi["LoadBalancers"]![0]!["ContainerPort"]);
    }

    [Fact]
    public void TheQueryApiRequiresAnApiKeyGeneratedInSecretsManager()
    {
        var app = _stack.Container(_stack.TaskDefinition("logpipeline/queryapi"), "app");
        var environment = SynthesizedStack.Environment(app);
        var secrets = app["Secrets"]!.AsArray().ToDictionary(s => (string)s!["Name"]!, s => Cfn.Render(s!["ValueFrom"]));

        Assert.Equal("true", environment["Pipeline__QueryApi__RequireApiKey"]);
        Assert.Equal(["Pipeline__QueryApi__ApiKeys__0", "Pipeline__QueryApi__CursorSecret"], secrets.Keys.Order());
        Assert.All(secrets.Values, secret =>
        {
            var id = secret.Trim('{', '}');
            Assert.Equal("AWS::SecretsManager::Secret", (string?)_stack.Resource(id)["Type"]);
            Assert.NotNull(_stack.Resource(id)["Properties"]!["GenerateSecretString"]);
        });
        Assert.DoesNotContain(environment.Keys, k => k.Contains("ApiKeys", StringComparison.Ordinal));
    }

    [Fact]
    public void ConsumersScaleOnCpuAndAddTasksOnConsumerLag()
    {
        foreach (var (service, group, topic) in new[] { ("scorer", "scorer", "logs.raw"), ("writer", "writer", "logs.scored") })
        {
            var target = _stack.OfType("AWS::ApplicationAutoScaling::ScalableTarget")
                .Single(t => Cfn.Render(t.Properties["ResourceId"]).Contains("{" + Capitalized(service) + "Service", StringComparison.Ordinal));
            Assert.Equal(1, (int?)target.Properties["MinCapacity"]);
            Assert.Equal(4, (int?)target.Properties["MaxCapacity"]);
            var policies = _stack.OfType("AWS::ApplicationAutoScaling::ScalingPolicy")
                .Where(p => (string?)p.Properties["ScalingTargetId"]!["Ref"] == target.Id)
                .ToList();

            var cpu = policies.Single(p => (string?)p.Properties["PolicyType"] == "TargetTrackingScaling").Properties["TargetTrackingScalingPolicyConfiguration"]!;
            Assert.Equal("ECSServiceAverageCPUUtilization", (string?)cpu["PredefinedMetricSpecification"]!["PredefinedMetricType"]);
            Assert.Equal(60, (int?)cpu["TargetValue"]);

            var lag = policies.Single(p => (string?)p.Properties["PolicyType"] == "StepScaling");
            var steps = lag.Properties["StepScalingPolicyConfiguration"]!["StepAdjustments"]!.AsArray();
            Assert.All(steps, s => Assert.True((int)s!["ScalingAdjustment"]! > 0, "consumer lag only adds tasks"));
            var alarm = _stack.OfType("AWS::CloudWatch::Alarm")
                .Single(a => a.Properties["AlarmActions"]!.AsArray().Any(x => (string?)x!["Ref"] == lag.Id)).Properties;
            Assert.Equal("AWS/Kafka", (string?)alarm["Namespace"]);
            Assert.Equal("SumOffsetLag", (string?)alarm["MetricName"]);
            Assert.Equal(10_000, (int?)alarm["Threshold"]);
            Assert.Equal(
                [("Cluster Name", "logpipeline-kafka"), ("Consumer Group", group), ("Topic", topic)],
                alarm["Dimensions"]!.AsArray().Select(d => ((string)d!["Name"]!, Cfn.Render(d["Value"]))).Order());
        }
    }

    [Fact]
    public void ContainersLogToTheirOwnLogGroupKeptForTheConfiguredRetention()
    {
        var groups = _stack.OfType("AWS::Logs::LogGroup").ToList();
        Assert.All(groups, g => Assert.Equal(30, (int?)g.Properties["RetentionInDays"]));

        foreach (var task in _stack.OfType("AWS::ECS::TaskDefinition"))
        {
            foreach (var container in task.Properties["ContainerDefinitions"]!.AsArray())
            {
                var group = Cfn.Render(container!["LogConfiguration"]!["Options"]!["awslogs-group"]).Trim('{', '}');
                Assert.Contains(groups, g => g.Id == group);
            }
        }

        Assert.Contains(groups, g => (string?)g.Properties["LogGroupName"] == "/aws/sagemaker/Endpoints/rcf-anomaly-endpoint");
    }

    [Fact]
    public void TasksRunInPrivateSubnetsThatReachDynamoDbAndS3ThroughGatewayEndpoints()
    {
        var endpoints = _stack.OfType("AWS::EC2::VPCEndpoint").Select(e => Cfn.Render(e.Properties["ServiceName"])).Order().ToList();

        Assert.Equal(2, endpoints.Count);
        Assert.EndsWith(".dynamodb", endpoints[0], StringComparison.Ordinal);
        Assert.EndsWith(".s3", endpoints[1], StringComparison.Ordinal);
        _stack.Template.ResourceCountIs("AWS::EC2::NatGateway", 1);
    }

    static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
