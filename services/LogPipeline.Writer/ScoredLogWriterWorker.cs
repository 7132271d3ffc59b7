using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using Microsoft.Extensions.Options;

namespace LogPipeline.Writer;

/// <summary>Consumes <c>logs.scored</c> in batches; the base class commits a batch only after it is stored.</summary>
public sealed class ScoredLogWriterWorker(
    IConsumer<byte[]?, byte[]?> consumer,
    IOptions<WriterOptions> writerOptions,
    IOptions<TopicOptions> topics,
    ScoredLogBatchHandler handler,
    ILogger<ScoredLogWriterWorker> logger)
    : BatchConsumerWorker(consumer, CreateOptions(writerOptions.Value, topics.Value), logger)
{
    protected override Task ProcessBatchAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken) =>
        handler.HandleAsync(batch, cancellationToken);

    static BatchConsumerOptions CreateOptions(WriterOptions writer, TopicOptions topics) => new()
    {
        Topic = topics.Scored,
        ConsumerGroup = writer.ConsumerGroup,
        MaxBatchSize = writer.BatchSize,
        MaxBatchWait = writer.MaxBatchWait,
    };
}
