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
    IOptions<BatchConsumerOptions> consumerOptions,
    DeadLetterPublisher deadLetters,
    ScoredLogBatchHandler handler,
    ILogger<ScoredLogWriterWorker> logger)
    : BatchConsumerWorker(
        consumer,
        consumerOptions.Value.For(topics.Value.Scored, writerOptions.Value.ConsumerGroup, writerOptions.Value.BatchSize, writerOptions.Value.MaxBatchWait),
        deadLetters,
        logger)
{
    protected override Task ProcessBatchAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken) =>
        handler.HandleAsync(batch, cancellationToken);
}
