using LogPipeline.Contracts;
using LogPipeline.PipelineView;
using LogPipeline.PipelineView.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LogPipeline.LoadHarness;

/// <summary>
/// The pipeline's progress from Kafka's offsets, with the pipeline view's own sampler: records in the raw topic, the
/// scorer's, writer's and archiver's committed offsets, dead letters, and each group's lag.
/// </summary>
public sealed class StageOffsets : IDisposable
{
    public const string ConnectionName = KafkaOffsetSampler.ConnectionName;

    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    readonly KafkaOffsetSampler _scorerAndWriter;
    readonly KafkaOffsetSampler _archiver;

    public StageOffsets(IConfiguration kafka)
    {
        var topics = Options.Create(new TopicOptions());
        _scorerAndWriter = new KafkaOffsetSampler(kafka, topics, Options.Create(new PipelineViewOptions()), NullLoggerFactory.Instance);
        // The sampler reads one group on the scored topic: a second one, for the archiver's group, reads its progress.
        _archiver = new KafkaOffsetSampler(kafka, topics, Options.Create(new PipelineViewOptions { WriterConsumerGroup = ConsumerGroups.Archiver }), NullLoggerFactory.Instance);
    }

    /// <summary>The configuration the Kafka clients are built from: the app's bootstrap servers under Aspire's key.</summary>
    public static IConfiguration Configuration(string bootstrapServers) => new ConfigurationBuilder()
        .AddInMemoryCollection([new($"ConnectionStrings:{ConnectionName}", bootstrapServers)])
        .Build();

    /// <summary>Blocks for a few broker round trips; throws <see cref="Confluent.Kafka.KafkaException"/> when the broker does not answer.</summary>
    public StageSample Sample(long atMs, RunPhase phase)
    {
        var main = _scorerAndWriter.Sample(Timeout);
        var archiver = _archiver.Sample(Timeout);
        return new StageSample(
            atMs,
            phase,
            Produced: main.Generated,
            Scored: main.Scored,
            Stored: main.Stored,
            Archived: archiver.Stored,
            DeadLetters: main.DeadLetters,
            ScorerLag: Lag(main, ConsumerGroups.Scorer),
            WriterLag: Lag(main, ConsumerGroups.Writer),
            ArchiverLag: Lag(archiver, ConsumerGroups.Archiver));
    }

    public void Dispose()
    {
        _scorerAndWriter.Dispose();
        _archiver.Dispose();
    }

    static long Lag(OffsetSample sample, string group) => sample.Lag.Where(l => l.Group == group).Sum(l => l.Lag);
}
