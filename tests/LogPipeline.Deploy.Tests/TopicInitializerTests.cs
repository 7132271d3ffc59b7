using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LogPipeline.Deploy.Kafka;
using LogPipeline.Deploy.Topics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Deploy.Tests;

/// <summary>
/// The topic initializer reads what the CDK stack writes into its container, and turns it into CreateTopics requests.
/// (librdkafka's mock cluster, the only broker here, does not implement CreateTopics.)
/// </summary>
public class TopicInitializerTests
{
    [Fact]
    public void TheInitializerReadsBackTheTopicsTheStackConfigures()
    {
        var settings = new DeploymentSettings();

        var topics = TopicInitializer.ReadTopics(Configuration(KafkaTopic.ToEnvironment(KafkaTopic.All(settings), replicationFactor: null)));

        Assert.Equal(
            [("logs.raw", 8, 86_400_000L), ("logs.scored", 8, 86_400_000L), ("logs.dlq", 2, 604_800_000L)],
            topics.Select(t => (t.Name, t.Partitions, t.RetentionMs!.Value)));
        Assert.All(topics, t => Assert.Null(t.ReplicationFactor));
    }

    [Fact]
    public void OnServerlessTheClusterChoosesTheReplicationFactor()
    {
        var specification = TopicInitializer.ToSpecification(new TopicSpec { Name = "logs.raw", Partitions = 8, RetentionMs = 3_600_000 });

        Assert.Equal(("logs.raw", 8, (short)-1), (specification.Name, specification.NumPartitions, specification.ReplicationFactor));
        Assert.Equal("3600000", specification.Configs["retention.ms"]);
    }

    [Fact]
    public void OnAProvisionedClusterTopicsGetTheStacksReplicationFactor()
    {
        var topics = TopicInitializer.ReadTopics(Configuration(KafkaTopic.ToEnvironment(KafkaTopic.All(new DeploymentSettings()), replicationFactor: 3)));

        Assert.All(topics, t => Assert.Equal((short)3, TopicInitializer.ToSpecification(t).ReplicationFactor));
    }

    [Fact]
    public void TopicsThatExistAlreadyAreFineAndOnlyTheNewOnesAreReported()
    {
        var created = TopicInitializer.Created(
            [
                new CreateTopicReport { Topic = "logs.raw", Error = new Error(ErrorCode.TopicAlreadyExists) },
                new CreateTopicReport { Topic = "logs.dlq", Error = new Error(ErrorCode.NoError) },
            ],
            NullLogger.Instance);

        Assert.Equal(["logs.dlq"], created);
    }

    [Fact]
    public void AnyOtherCreateTopicsErrorFailsTheInitializer()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TopicInitializer.Created(
            [new CreateTopicReport { Topic = "logs.raw", Error = new Error(ErrorCode.TopicAuthorizationFailed) }],
            NullLogger.Instance));

        Assert.Contains("logs.raw", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ErrorCode.TopicAuthorizationFailed), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoConfiguredTopicsIsAnError()
    {
        Assert.Throws<InvalidOperationException>(() => TopicInitializer.ReadTopics(Configuration(new Dictionary<string, string>())));
    }

    /// <summary>Environment variables as the .NET configuration reads them in the container (<c>__</c> is <c>:</c>).</summary>
    static IConfiguration Configuration(IDictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();
}
