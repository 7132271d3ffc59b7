using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using LogPipeline.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Pipeline.Tests.Kafka;

public class BatchConsumerWorkerTests(EmbeddedKafkaFixture kafka) : IClassFixture<EmbeddedKafkaFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AFailingBatchIsRetriedAndNothingIsCommittedUntilItSucceeds()
    {
        var topic = kafka.NewTopic();
        var group = "g-" + Guid.NewGuid().ToString("N");
        kafka.Produce(topic, 30);
        using var consumer = kafka.CreateConsumer(group);
        var worker = new ScriptedWorker(consumer, topic, group, failuresBeforeSuccess: int.MaxValue, kafka.DeadLetters());

        await worker.StartAsync(CancellationToken.None);
        await worker.Failed.Task.WaitAsync(Timeout);
        Assert.Equal(WorkerState.Retrying, worker.State);
        Assert.Equal(0, kafka.CommittedCount(topic, group, 3));
        worker.FailuresBeforeSuccess = worker.Attempts + 2;

        await WaitUntil(() => worker.Processed.Count == 30);
        await WaitUntil(() => worker.CommittedMessages == 30);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(30, kafka.CommittedCount(topic, group, 3));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"m{i}").Order(), worker.Processed.Keys.Order());
        Assert.True(worker.Attempts >= 4);
    }

    [Fact]
    public async Task WhatWasNotProcessedIsRedeliveredToTheNextConsumer()
    {
        var topic = kafka.NewTopic();
        var group = "g-" + Guid.NewGuid().ToString("N");
        kafka.Produce(topic, 12);
        using (var consumer = kafka.CreateConsumer(group))
        {
            var broken = new ScriptedWorker(consumer, topic, group, failuresBeforeSuccess: int.MaxValue, kafka.DeadLetters());
            await broken.StartAsync(CancellationToken.None);
            await broken.Failed.Task.WaitAsync(Timeout);
            await broken.StopAsync(CancellationToken.None);
        }

        Assert.Equal(0, kafka.CommittedCount(topic, group, 3));
        using var next = kafka.CreateConsumer(group);
        var healthy = new ScriptedWorker(next, topic, group, failuresBeforeSuccess: 0, kafka.DeadLetters());
        await healthy.StartAsync(CancellationToken.None);
        await WaitUntil(() => healthy.CommittedMessages == 12);
        await healthy.StopAsync(CancellationToken.None);
        Assert.Equal(12, healthy.Processed.Count);
    }

    [Fact]
    public async Task DeadLettersKeepTheOriginalBytesAndCarryTheReason()
    {
        var source = kafka.NewTopic(1);
        var dlq = kafka.NewTopic(1);
        using var producer = kafka.CreateProducer();
        var original = Encoding.UTF8.GetBytes("{not json");
        await producer.ProduceAsync(source, new Message<byte[]?, byte[]?> { Key = "k"u8.ToArray(), Value = original });
        using var reader = kafka.CreateConsumer("r-" + Guid.NewGuid().ToString("N"));
        reader.Subscribe(source);
        var consumed = reader.Consume(Timeout)!;

        var tracker = new BatchProducer(producer);
        new DeadLetterPublisher(producer, dlq, "scorer", NullLogger<DeadLetterPublisher>.Instance).Publish(consumed, "invalid JSON", tracker.Track());
        await tracker.CompleteAsync(CancellationToken.None);

        reader.Unsubscribe();
        reader.Subscribe(dlq);
        var letter = reader.Consume(Timeout)!;
        Assert.Equal(original, letter.Message.Value);
        Assert.Equal("k"u8.ToArray(), letter.Message.Key);
        string Header(string name) => Encoding.UTF8.GetString(letter.Message.Headers.GetLastBytes(name));
        Assert.Equal("scorer", Header(LogPipeline.Contracts.DeadLetterHeaders.Stage));
        Assert.Equal("invalid JSON", Header(LogPipeline.Contracts.DeadLetterHeaders.Reason));
        Assert.Equal(source, Header(LogPipeline.Contracts.DeadLetterHeaders.SourceTopic));
        Assert.Equal("0", Header(LogPipeline.Contracts.DeadLetterHeaders.SourcePartition));
        Assert.Equal(consumed.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(LogPipeline.Contracts.DeadLetterHeaders.SourceOffset));
        Assert.True(DateTimeOffset.TryParse(Header(LogPipeline.Contracts.DeadLetterHeaders.Time), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public void TraceContextSurvivesAKafkaHeaderRoundTrip()
    {
        using var activity = new System.Diagnostics.Activity("test").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "vendor=1";
        var headers = new Headers();
        KafkaTraceContext.Inject(activity, headers);
        var context = KafkaTraceContext.Extract(headers);
        Assert.Equal(activity.TraceId, context.TraceId);
        Assert.Equal(activity.SpanId, context.SpanId);
        Assert.Equal("vendor=1", context.TraceState);
        Assert.True(context.IsRemote);
    }

    static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    sealed class ScriptedWorker(IConsumer<byte[]?, byte[]?> consumer, string topic, string group, int failuresBeforeSuccess, DeadLetterPublisher deadLetters)
        : BatchConsumerWorker(consumer, new BatchConsumerOptions
        {
            Topic = topic,
            ConsumerGroup = group,
            MaxBatchSize = 7,
            MaxBatchWait = TimeSpan.FromMilliseconds(50),
            RetryInitialDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        }, deadLetters, NullLogger.Instance)
    {
        public ConcurrentDictionary<string, int> Processed { get; } = new();

        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Attempts { get; private set; }

        /// <summary>Attempts that fail before processing succeeds; a test raises it from int.MaxValue once it has looked.</summary>
        public int FailuresBeforeSuccess { get; set; } = failuresBeforeSuccess;

        protected override Task ProcessBatchAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken)
        {
            Attempts++;
            if (Attempts <= FailuresBeforeSuccess)
            {
                Failed.TrySetResult();
                throw new IOException("downstream unavailable");
            }

            foreach (var result in batch)
            {
                Processed.AddOrUpdate(Encoding.UTF8.GetString(result.Message.Value!), 1, (_, n) => n + 1);
            }

            return Task.CompletedTask;
        }
    }
}
