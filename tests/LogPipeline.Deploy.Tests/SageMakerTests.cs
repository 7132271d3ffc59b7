using Amazon.CDK.Assertions;
using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class SageMakerTests(DefaultDeployment deployment)
{
    readonly SynthesizedStack _stack = deployment.Pipeline;

    [Fact]
    public void TheModelRunsTheRcfEndpointImageFromTheImagesRepository()
    {
        var model = _stack.OfType("AWS::SageMaker::Model").Single().Properties;
        var container = model["PrimaryContainer"]!;

        Assert.Equal("{AWS::AccountId}.dkr.ecr.{AWS::Region}.{AWS::URLSuffix}/logpipeline/rcfendpoint:" + DefaultDeployment.ImageTag, Cfn.Render(container["Image"]));
        Assert.Null(container["ModelDataUrl"]);
        Assert.Equal("AllTraffic", (string?)container["Environment"]!["Pipeline__Rcf__VariantName"]);
    }

    [Fact]
    public void TheEndpointServesOneVariantOnAnMlM5LargeInstance()
    {
        var model = _stack.OfType("AWS::SageMaker::Model").Single().Id;
        var config = _stack.OfType("AWS::SageMaker::EndpointConfig").Single();

        _stack.Template.HasResourceProperties("AWS::SageMaker::EndpointConfig", new Dictionary<string, object>
        {
            ["ProductionVariants"] = Match.ArrayEquals(
            [
                new Dictionary<string, object>
                {
                    ["VariantName"] = "AllTraffic",
                    ["ModelName"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { model, "ModelName" } },
                    ["InstanceType"] = "ml.m5.large",
                    ["InitialInstanceCount"] = 1,
                    ["InitialVariantWeight"] = 1,
                },
            ]),
        });
        _stack.Template.HasResourceProperties("AWS::SageMaker::Endpoint", new Dictionary<string, object>
        {
            ["EndpointName"] = "rcf-anomaly-endpoint",
            ["EndpointConfigName"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { config.Id, "EndpointConfigName" } },
        });
    }

    [Fact]
    public void TheEndpointScalesFromOneToTenInstancesOnInvocationsPerInstance()
    {
        var target = _stack.OfType("AWS::ApplicationAutoScaling::ScalableTarget").Single(t => (string?)t.Properties["ServiceNamespace"] == "sagemaker");
        var endpoint = _stack.OfType("AWS::SageMaker::Endpoint").Single().Id;

        Assert.Equal("endpoint/rcf-anomaly-endpoint/variant/AllTraffic", (string?)target.Properties["ResourceId"]);
        Assert.Equal("sagemaker:variant:DesiredInstanceCount", (string?)target.Properties["ScalableDimension"]);
        Assert.Equal(1, (int?)target.Properties["MinCapacity"]);
        Assert.Equal(10, (int?)target.Properties["MaxCapacity"]);
        Assert.EndsWith(
            ":role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint",
            Cfn.Render(target.Properties["RoleARN"]),
            StringComparison.Ordinal);
        Assert.Contains(endpoint, target.Resource["DependsOn"]!.AsArray().Select(d => (string?)d));

        _stack.Template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", new Dictionary<string, object>
        {
            ["PolicyType"] = "TargetTrackingScaling",
            ["ScalingTargetId"] = new Dictionary<string, object> { ["Ref"] = target.Id },
            ["TargetTrackingScalingPolicyConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["PredefinedMetricSpecification"] = new Dictionary<string, object> { ["PredefinedMetricType"] = "SageMakerVariantInvocationsPerInstance" },
                ["TargetValue"] = 600,
            }),
        });
    }

    [Fact]
    public void TheExecutionRoleMayPullOnlyTheRcfImageAndWriteOnlyTheEndpointsLogs()
    {
        var model = _stack.OfType("AWS::SageMaker::Model").Single();
        var role = SynthesizedStack.RoleId(model.Properties["ExecutionRoleArn"]);
        var statements = _stack.Statements(role);

        var pull = statements.Single(s => s.Actions.Contains("ecr:BatchGetImage"));
        Assert.Equal(
            "arn:{AWS::Partition}:ecr:{AWS::Region}:{AWS::AccountId}:repository/logpipeline/rcfendpoint",
            Assert.Single(pull.Resources));
        var logs = statements.Single(s => s.Sid == "EndpointLogs");
        Assert.Contains("/aws/sagemaker/Endpoints/rcf-anomaly-endpoint", _stack.Resource(Cfn.Render(logs.Resources.Single()).Split('.')[0].Trim('{'))["Properties"]!["LogGroupName"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
            statements.SelectMany(s => s.Actions).Order());
        var rolePolicies = statements.Select(s => s.PolicyId).Distinct();
        Assert.All(rolePolicies, policy => Assert.Contains(policy, model.Resource["DependsOn"]!.AsArray().Select(d => (string?)d)));
    }
}
