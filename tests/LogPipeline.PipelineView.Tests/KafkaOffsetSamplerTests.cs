using Confluent.Kafka;
using LogPipeline.PipelineView.Kafka;
using LogPipeline.PipelineView.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LogPipeline.PipelineView.Tests;

/// <summary>The counts, lag and dead letters the view reads from offsets, against librdkafka's mock cluster.</summary>
public sealed class KafkaOffsetSamplerTests(MockKafka kafka) : IClassFixture<MockKafka>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void SampleCountsGeneratedScoredStoredAndDeadLettersFromOffsets()
    {
        var topics = kafka.CreateTopics();
        kafka.Produce(topics.Raw, 0, 40);
        kafka.Produce(topics.Raw, 1, 25);
        kafka.Produce(topics.Raw, 2, 10);
        kafka.Commit(topics.ScorerGroup, topics.Raw, 0, 30);
        kafka.Commit(topics.ScorerGroup, topics.Raw, 1, 25);
        kafka.Produce(topics.Scored, 0, 12);
        kafka.Produce(topics.Scored, 2, 8);
        kafka.Commit(topics.WriterGroup, topics.Scored, 0, 5);
        kafka.Produce(topics.DeadLetter, 0, 3);
        using var sampler = CreateSampler(topics);

        var sample = sampler.Sample(Timeout);

        Assert.Equal(75, sample.Generated);
        Assert.Equal(55, sample.Scored);
        Assert.Equal(5, sample.Stored);
        Assert.Equal(3, sample.DeadLetters);
        Assert.Equal(
            [
                new PartitionLag(topics.ScorerGroup, topics.Raw, 0, 10),
                new PartitionLag(topics.ScorerGroup, topics.Raw, 1, 0),
                new PartitionLag(topics.ScorerGroup, topics.Raw, 2, 10), // never committed: everything is behind
                new PartitionLag(topics.WriterGroup, topics.Scored, 0, 7),
                new PartitionLag(topics.WriterGroup, topics.Scored, 1, 0),
                new PartitionLag(topics.WriterGroup, topics.Scored, 2, 8),
            ],
            sample.Lag);
    }

    [Fact]
    public void SampleFollowsNewRecordsAndCommits()
    {
        var topics = kafka.CreateTopics();
        using var sampler = CreateSampler(topics);
        var before = sampler.Sample(Timeout);

        kafka.Produce(topics.Raw, 1, 20);
        kafka.Commit(topics.ScorerGroup, topics.Raw, 1, 20);
        var after = sampler.Sample(Timeout);

        Assert.Equal((0, 0), (before.Generated, before.Scored));
        Assert.Equal((20, 20), (after.Generated, after.Scored));
        Assert.All(after.Lag, l => Assert.Equal(0, l.Lag));
    }

    [Fact]
    public void SampleThrowsWhenNoBrokerAnswers()
    {
        var topics = PipelineTopics.Unique();
        using var sampler = CreateSampler(topics, bootstrapServers: "127.0.0.1:1");

        Assert.ThrowsAny<KafkaException>(() => sampler.Sample(TimeSpan.FromSeconds(1)));
    }

    KafkaOffsetSampler CreateSampler(PipelineTopics topics, string? bootstrapServers = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new($"ConnectionStrings:{KafkaOffsetSampler.ConnectionName}", bootstrapServers ?? kafka.BootstrapServers)])
            .Build();
        var options = new PipelineViewOptions { ScorerConsumerGroup = topics.ScorerGroup, WriterConsumerGroup = topics.WriterGroup };
        return new KafkaOffsetSampler(configuration, Options.Create(topics.Options), Options.Create(options), NullLoggerFactory.Instance);
    }
}
