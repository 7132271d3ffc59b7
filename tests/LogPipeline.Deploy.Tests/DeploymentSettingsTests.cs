using Amazon.CDK;
using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class DeploymentSettingsTests
{
    [Fact]
    public void WithoutContextTheDefaultsMatchTheServicesOwnDefaults()
    {
        var settings = DeploymentSettings.FromContext(new App(new AppProps
        {
            Context = new Dictionary<string, object> { ["imageTag"] = "0f1e2d3" },
        }).Node);

        Assert.Equal("logs.raw", settings.RawTopic);
        Assert.Equal("KafkaLogData", settings.Storage.LogTable);
        Assert.Equal("rcf-anomaly-endpoint", settings.EndpointName);
        Assert.Equal(KafkaClusterKind.Serverless, settings.Kafka);
        Assert.Equal(RcfModelSource.Container, settings.RcfModel);
        Assert.Equal((1, 10), (settings.EndpointMinInstances, settings.EndpointMaxInstances));
        Assert.False(settings.Generator);
    }

    [Fact]
    public void ContextValuesOverrideTheDefaults()
    {
        var settings = DeploymentSettings.FromContext(new App(new AppProps
        {
            Context = new Dictionary<string, object>
            {
                ["kafka"] = "provisioned",
                ["brokers"] = "4",
                ["partitions"] = 12,
                ["generator"] = "true",
                ["threshold"] = "2.5",
                ["logTable"] = "Logs",
                ["rcfModel"] = "builtin",
                ["builtInModelDataUrl"] = "s3://bucket/model.tar.gz",
                ["region"] = "eu-central-1",
                ["logRetentionDays"] = "14",
                ["imageTag"] = "0f1e2d3",
            },
        }).Node);

        Assert.Equal(KafkaClusterKind.Provisioned, settings.Kafka);
        Assert.Equal(4, settings.Brokers);
        Assert.Equal(12, settings.Partitions);
        Assert.True(settings.Generator);
        Assert.Equal(2.5, settings.Threshold);
        Assert.Equal("Logs", settings.Storage.LogTable);
        Assert.Equal("KafkaLogCounters", settings.Storage.CounterTable);
        Assert.Equal(RcfModelSource.BuiltIn, settings.RcfModel);
        Assert.Equal("eu-central-1", settings.Region);
        Assert.Equal(14, settings.LogRetentionDays);
        Assert.Equal("0f1e2d3", settings.ImageTag);
    }

    [Theory]
    [InlineData("maxTasks", "9", "maxTasks")]
    [InlineData("kafka", "kinesis", "kafka")]
    [InlineData("partitions", "eight", "partitions")]
    [InlineData("rcfModel", "builtin", "builtInModelDataUrl")]
    [InlineData("logRetentionDays", "10", "logRetentionDays")]
    [InlineData("thresholdMode", "Sometimes", "thresholdMode")]
    public void AnInvalidContextValueIsRejectedNamingTheKeyToFix(string key, string value, string keyToFix)
    {
        var error = Assert.Throws<ArgumentException>(() => DeploymentSettings.FromContext(new App(new AppProps
        {
            Context = new Dictionary<string, object> { [key] = value },
        }).Node));

        Assert.Equal(keyToFix, error.ParamName);
    }

    [Fact]
    public void ProvisionedBrokersMustSpreadEvenlyOverTheAvailabilityZones()
    {
        var settings = new DeploymentSettings { Kafka = KafkaClusterKind.Provisioned, Brokers = 3, MaxAzs = 2 };

        Assert.Equal("brokers", Assert.Throws<ArgumentException>(settings.Validate).ParamName);
    }
}
