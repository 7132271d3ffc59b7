using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Pipeline.Tests.Kafka;

/// <summary>
/// The batch loop against poison: each class of failure ends with the records after it processed and committed,
/// and the poison (only the poison) in the dead-letter topic with its reason.
/// </summary>
public class PoisonIsolationTests(EmbeddedKafkaFixture kafka) : IClassFixture<EmbeddedKafkaFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task APermanentFailureIsNarrowedDownToItsRecordWhichIsDeadLetteredWhileTheRestIsProcessedAndCommitted()
    {
        var (worker, dlq, topic, group) = await RunAsync(["m3 permanent", "m17 permanent"], total: 40);

        Assert.Equal(38, worker.Processed.Count);
        Assert.DoesNotContain(worker.Processed.Keys, k => k.Contains("permanent", StringComparison.Ordinal));
        Assert.Equal(40, kafka.CommittedCount(topic, group, 3));
        var letters = kafka.ConsumeAll(dlq, 2, Timeout);
        Assert.Equal(["m17 permanent", "m3 permanent"], letters.Select(l => Encoding.UTF8.GetString(l.Message.Value!)).Order());
        Assert.All(letters, l =>
        {
            Assert.Equal("scripted", Header(l, DeadLetterHeaders.Stage));
            Assert.Contains("Valid values are between -62135596800000 and 253402300799999", Header(l, DeadLetterHeaders.Reason), StringComparison.Ordinal);
            Assert.Equal(topic, Header(l, DeadLetterHeaders.SourceTopic));
        });
        Assert.Equal(2, worker.IsolatedMessages);
    }

    [Fact]
    public async Task AnUnclassifiedFailureIsIsolatedOnlyOnceItPersistsPastTheAttemptLimit()
    {
        var (worker, dlq, topic, group) = await RunAsync(["m5 unknown"], total: 14, maxAttempts: 3);

        Assert.Equal(13, worker.Processed.Count);
        Assert.Equal(14, kafka.CommittedCount(topic, group, 3));
        var letter = Assert.Single(kafka.ConsumeAll(dlq, 1, Timeout));
        Assert.Equal("m5 unknown", Encoding.UTF8.GetString(letter.Message.Value!));
        Assert.StartsWith("failed 3 times: InvalidOperationException: cannot handle", Header(letter, DeadLetterHeaders.Reason), StringComparison.Ordinal);
        Assert.True(worker.AttemptsWith("m5 unknown") >= 3 + 1, $"{worker.AttemptsWith("m5 unknown")} attempts");
    }

    [Fact]
    public async Task ATransientFailureIsRetriedUntilItPassesAndNeverDeadLetteredAndTheHealthCheckSaysDegradedThenUnhealthy()
    {
        var topic = kafka.NewTopic();
        var group = "g-" + Guid.NewGuid().ToString("N");
        kafka.Produce(topic, 10);
        using var consumer = kafka.CreateConsumer(group);
        var deadLetters = kafka.DeadLetters("scripted");
        var worker = new PoisonWorker(consumer, Options(topic, group, maxAttempts: 2, stuckAfter: TimeSpan.FromSeconds(3)), deadLetters) { OutageUntil = DateTime.MaxValue };
        var health = new WorkerHealthCheck<PoisonWorker>(worker);

        await worker.StartAsync(CancellationToken.None);
        await WaitUntil(() => worker.State == WorkerState.Retrying);
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        await WaitUntil(() => worker.RetryingFor > TimeSpan.FromSeconds(3.2));
        var stuck = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, stuck.Status);
        Assert.Contains("HttpRequestException", stuck.Description, StringComparison.Ordinal);
        Assert.Equal(0, kafka.CommittedCount(topic, group, 3));
        Assert.True(worker.UncommittedFor > TimeSpan.FromSeconds(3.2));

        worker.OutageUntil = DateTime.MinValue;
        await WaitUntil(() => worker.CommittedMessages == 10);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(10, worker.Processed.Count);
        Assert.Equal(0, worker.IsolatedMessages);
        Assert.Empty(kafka.ConsumeAll(deadLetters.Topic, 1, TimeSpan.FromSeconds(2)));
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task ABatchHangingInACallIsDegradedAfterAThirdOfTheStuckThresholdThenUnhealthyAndHealthyOnceCommitted()
    {
        var topic = kafka.NewTopic();
        var group = "g-" + Guid.NewGuid().ToString("N");
        kafka.Produce(topic, 10);
        using var consumer = kafka.CreateConsumer(group);
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = new PoisonWorker(consumer, Options(topic, group, maxAttempts: 2, stuckAfter: TimeSpan.FromSeconds(3)), kafka.DeadLetters("scripted")) { Hang = hang.Task };
        var health = new WorkerHealthCheck<PoisonWorker>(worker);

        await worker.StartAsync(CancellationToken.None);
        await WaitUntil(() => worker.UncommittedFor > TimeSpan.FromSeconds(1.2));
        var slow = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(WorkerState.Running, worker.State);
        Assert.Equal(HealthStatus.Degraded, slow.Status);
        Assert.StartsWith("slow:", slow.Description, StringComparison.Ordinal);
        await WaitUntil(() => worker.UncommittedFor > TimeSpan.FromSeconds(3.2));
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        hang.SetResult();
        await WaitUntil(() => worker.CommittedMessages == 10);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ADeadLetterTooLargeToRepublishIsCutToFitWithItsOriginalSizeAndHashInHeaders()
    {
        var deadLetters = kafka.DeadLetters("scripted");
        var original = new byte[2_000_000];
        new Random(12).NextBytes(original);
        var source = new ConsumeResult<byte[]?, byte[]?>
        {
            TopicPartitionOffset = new TopicPartitionOffset("logs.raw", 2, 41),
            Message = new Message<byte[]?, byte[]?> { Key = "big"u8.ToArray(), Value = original, Headers = [] },
        };

        await deadLetters.PublishAsync([(source, "message is 2000000 bytes, larger than the 65536 byte limit", DeadLetterPublisher.InvalidRecord)], TimeSpan.FromSeconds(30), CancellationToken.None)
            .WaitAsync(Timeout);

        var letter = Assert.Single(kafka.ConsumeAll(deadLetters.Topic, 1, Timeout));
        var value = letter.Message.Value!;
        Assert.InRange(value.Length, 1, DeadLetterPublisher.DefaultMaxMessageBytes);
        Assert.Equal(original.AsSpan(0, value.Length).ToArray(), value);
        Assert.Equal("2000000", Header(letter, DeadLetterHeaders.OriginalSize));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), Header(letter, DeadLetterHeaders.OriginalSha256));
        Assert.Contains($"of {original.Length} bytes", Header(letter, DeadLetterHeaders.Truncated), StringComparison.Ordinal);
        Assert.StartsWith("message is 2000000 bytes", Header(letter, DeadLetterHeaders.Reason), StringComparison.Ordinal);
        Assert.Equal("41", Header(letter, DeadLetterHeaders.SourceOffset));
    }

    [Fact]
    public async Task ADeadLetterThatCannotBeDeliveredFailsWithinItsTimeoutInsteadOfBlocking()
    {
        using var unreachable = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = "127.0.0.1:9", MessageTimeoutMs = 300_000 }).Build();
        var deadLetters = new DeadLetterPublisher(unreachable, "logs.dlq", "scripted", NullLogger<DeadLetterPublisher>.Instance);
        var source = new ConsumeResult<byte[]?, byte[]?>
        {
            TopicPartitionOffset = new TopicPartitionOffset("logs.raw", 0, 1),
            Message = new Message<byte[]?, byte[]?> { Value = "x"u8.ToArray(), Headers = [] },
        };

        var publish = deadLetters.PublishAsync([(source, "bad", DeadLetterPublisher.InvalidRecord)], TimeSpan.FromMilliseconds(500), CancellationToken.None);

        await Assert.ThrowsAsync<TimeoutException>(() => publish.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    async Task<(PoisonWorker Worker, string DeadLetterTopic, string Topic, string Group)> RunAsync(string[] poison, int total, int maxAttempts = 5)
    {
        var topic = kafka.NewTopic();
        var group = "g-" + Guid.NewGuid().ToString("N");
        using (var producer = kafka.CreateProducer())
        {
            for (var i = 0; i < total; i++)
            {
                var value = poison.FirstOrDefault(p => p.StartsWith($"m{i} ", StringComparison.Ordinal)) ?? $"m{i}";
                producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes($"m{i}"), Value = Encoding.UTF8.GetBytes(value) });
            }

            producer.Flush(TimeSpan.FromSeconds(10));
        }

        using var consumer = kafka.CreateConsumer(group);
        var deadLetters = kafka.DeadLetters("scripted");
        var worker = new PoisonWorker(consumer, Options(topic, group, maxAttempts, TimeSpan.FromSeconds(30)), deadLetters);
        await worker.StartAsync(CancellationToken.None);
        await WaitUntil(() => worker.CommittedMessages == total);
        await worker.StopAsync(CancellationToken.None);
        return (worker, deadLetters.Topic, topic, group);
    }

    static BatchConsumerOptions Options(string topic, string group, int maxAttempts, TimeSpan stuckAfter) => new()
    {
        Topic = topic,
        ConsumerGroup = group,
        MaxBatchSize = 16,
        MaxBatchWait = TimeSpan.FromMilliseconds(100),
        RetryInitialDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        MaxAttemptsBeforeIsolation = maxAttempts,
        StuckThreshold = stuckAfter,
    };

    static string Header(ConsumeResult<byte[]?, byte[]?> result, string name) => Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));

    static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>
    /// Fails a (part of a) batch the way a stage would: a record containing "permanent" raises what an out-of-range
    /// timestamp raises, "unknown" an unclassified error, and during an outage every call fails as the network does.
    /// Only a call that succeeds records its messages as processed.
    /// </summary>
    sealed class PoisonWorker(IConsumer<byte[]?, byte[]?> consumer, BatchConsumerOptions options, DeadLetterPublisher deadLetters)
        : BatchConsumerWorker(consumer, options, deadLetters, NullLogger.Instance)
    {
        readonly ConcurrentDictionary<string, int> _attempts = new();

        public ConcurrentDictionary<string, int> Processed { get; } = new();

        public DateTime OutageUntil { get; set; } = DateTime.MinValue;

        /// <summary>Every call waits for this first, as a call to an endpoint that does not answer does.</summary>
        public Task Hang { get; init; } = Task.CompletedTask;

        public int AttemptsWith(string value) => _attempts.GetValueOrDefault(value);

        protected override async Task ProcessBatchAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken cancellationToken)
        {
            await Hang.WaitAsync(cancellationToken);
            var values = batch.Select(r => Encoding.UTF8.GetString(r.Message.Value!)).ToList();
            foreach (var value in values)
            {
                _attempts.AddOrUpdate(value, 1, (_, n) => n + 1);
            }

            if (DateTime.UtcNow < OutageUntil)
            {
                throw new HttpRequestException("Connection refused (endpoint:8080)");
            }

            if (values.Any(v => v.Contains("permanent", StringComparison.Ordinal)))
            {
                _ = DateTimeOffset.FromUnixTimeMilliseconds(100_000_000_000_000_000);
            }

            if (values.Any(v => v.Contains("unknown", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException("cannot handle this record");
            }

            foreach (var value in values)
            {
                Processed.AddOrUpdate(value, 1, (_, n) => n + 1);
            }
        }
    }
}
