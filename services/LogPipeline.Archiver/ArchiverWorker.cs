using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using Microsoft.Extensions.Options;

namespace LogPipeline.Archiver;

/// <summary>
/// Consumes <c>logs.scored</c> in batches as large as the archiver's buffer (size or time, whichever comes first); the
/// base class commits a batch only after it is archived.
/// </summary>
public sealed class ArchiverWorker(
    IConsumer<byte[]?, byte[]?> consumer,
    IOptions<ArchiverOptions> archiverOptions,
    IOptions<TopicOptions> topics,
    IOptions<BatchConsumerOptions> consumerOptions,
    DeadLetterPublisher deadLetters,
    ArchiveBatchHandler handler,
    ILogger<ArchiverWorker> logger)
    : BatchConsumerWorker(
        consumer,
        consumerOptions.Value.For(
            topics.Value.Scored,
            archiverOptions.Value.ConsumerGroup,
            archiverOptions.Value.MaxBufferRecords,
            archiverOptions.Value.BufferInterval,
            archiverOptions.Value.BufferSize),
        deadLetters,
        logger)
{
    protected override Task ProcessBatchAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken) =>
        handler.HandleAsync(batch, cancellationToken);
}
