using System.Text;
using Confluent.Kafka;
using LogPipeline.Archive;
using LogPipeline.Contracts;
using LogPipeline.Kafka;

namespace LogPipeline.Archiver.Tests.Archiver;

/// <summary>The archiver on the embedded broker with a real s3rver: what it archives, read back from the bucket.</summary>
[Collection(S3Collection.Name)]
public sealed class ArchiverTests(LocalS3 s3, EmbeddedKafkaFixture kafka) : IClassFixture<EmbeddedKafkaFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    static readonly TimeSpan SmallBufferInterval = TimeSpan.FromMilliseconds(500);

    readonly EmbeddedKafkaFixture _kafka = kafka;

    [Fact]
    public async Task EveryScoredLogIsArchivedOnceUnderTheHourOfItsObjectsFirstLog()
    {
        var scenario = new Scenario(_kafka);
        scenario.ProduceLogs(3_000, "once");

        await using (var archiver = await ArchiverHost.StartAsync(_kafka, scenario, bufferSize: 64 * 1024, SmallBufferInterval))
        {
            await Eventually.HoldsAsync(scenario.Committed, c => c == scenario.SentMessages, Timeout, "every message is committed");
            Assert.True(archiver.Metrics.Objects >= 3, $"{archiver.Metrics.Objects} objects");
        }

        var archived = await ReadArchiveAsync(scenario);
        Assert.Equal(scenario.SentIds.Order(StringComparer.Ordinal), archived.Select(a => a.Log.LogIdentifier).Order(StringComparer.Ordinal));
        foreach (var (key, logs) in archived.GroupBy(a => a.Key).Select(g => (g.Key, g.Select(a => a.Log).ToList())))
        {
            Assert.Equal(ArchiveObjectKey.HourOf(logs[0].Timestamp), key.Hour);
            Assert.True(key.LastOffset - key.FirstOffset + 1 >= logs.Count);
        }

        // Each partition's objects follow each other: no offset archived twice, none left out.
        foreach (var partition in archived.Select(a => a.Key).Distinct().GroupBy(k => k.Partition))
        {
            var next = 0L;
            foreach (var key in partition.OrderBy(k => k.FirstOffset))
            {
                Assert.Equal(next, key.FirstOffset);
                next = key.LastOffset + 1;
            }
        }
    }

    [Fact]
    public async Task WhatIsNotAScoredLogGoesToTheDeadLetterTopicAndTheRestIsArchived()
    {
        var scenario = new Scenario(_kafka, partitions: 1);
        scenario.ProduceLogs(200, "before");
        scenario.ProducePoison(Encoding.UTF8.GetBytes("{not json"), Encoding.UTF8.GetBytes("""{"log_identifier":"x"}"""), [0xff, 0xfe, 0x00]);
        scenario.ProduceLogs(200, "after");

        await using (var archiver = await ArchiverHost.StartAsync(_kafka, scenario, bufferSize: 16 * 1024, SmallBufferInterval))
        {
            await Eventually.HoldsAsync(scenario.Committed, c => c == scenario.SentMessages, Timeout, "every message is committed");
        }

        var letters = _kafka.ConsumeAll(scenario.DeadLetterTopic, 3, Timeout);
        Assert.Equal(3, letters.Count);
        Assert.All(letters, l => Assert.Equal("archiver", Header(l, DeadLetterHeaders.Stage)));
        Assert.All(letters, l => Assert.False(string.IsNullOrEmpty(Header(l, DeadLetterHeaders.Reason))));
        Assert.Equal([200L, 201, 202], letters.Select(l => long.Parse(Header(l, DeadLetterHeaders.SourceOffset)!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        var archived = await ReadArchiveAsync(scenario);
        Assert.Equal(scenario.SentIds.Order(StringComparer.Ordinal), archived.Select(a => a.Log.LogIdentifier).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ABatchRedeliveredAfterACrashBetweenUploadAndCommitIsNotArchivedTwiceEvenCutElsewhere()
    {
        var scenario = new Scenario(_kafka, partitions: 2);
        scenario.ProduceLogs(2_000, "crash");

        // The first archiver uploads a batch of the first 700 messages and dies before committing it (its own worker
        // consumes an empty topic: the test drives its batch handler).
        var settings = ArchiverHost.Settings(_kafka, scenario, bufferSize: 1, SmallBufferInterval);
        settings["Pipeline:Topics:Scored"] = _kafka.NewTopic(1);
        await using (var first = await ArchiverHost.StartAsync(settings))
        {
            var handler = first.Get<ArchiveBatchHandler>();
            using var consumer = _kafka.CreateConsumer(scenario.Group);
            consumer.Subscribe(scenario.Topic);
            var batch = new List<ConsumeResult<byte[]?, byte[]?>>();
            var deadline = DateTime.UtcNow + Timeout;
            while (batch.Count < 700 && DateTime.UtcNow < deadline)
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } message)
                {
                    batch.Add(message);
                }
            }

            Assert.Equal(700, batch.Count);
            await handler.HandleAsync(batch, CancellationToken.None).WaitAsync(Timeout);
            consumer.Close();
        }

        var uploadedBeforeTheCrash = await s3.ArchivedKeysAsync();
        Assert.Equal(0, scenario.Committed());

        // The restarted archiver gets everything again, in batches cut elsewhere (a larger buffer).
        await using (var restarted = await ArchiverHost.StartAsync(_kafka, scenario, bufferSize: 256 * 1024, SmallBufferInterval))
        {
            await Eventually.HoldsAsync(scenario.Committed, c => c == scenario.SentMessages, Timeout, "every message is committed");
            Assert.True(restarted.Metrics.AlreadyArchived > 0, "the restarted archiver found the objects uploaded before the crash");
        }

        var archived = await ReadArchiveAsync(scenario);
        Assert.Equal(scenario.SentIds.Order(StringComparer.Ordinal), archived.Select(a => a.Log.LogIdentifier).Order(StringComparer.Ordinal));
        Assert.Contains(uploadedBeforeTheCrash.Where(k => k.Topic == scenario.Topic), k => archived.Any(a => a.Key == k));
    }

    [Fact]
    public async Task AnArchiverStoppedWhileUploadingAndRestartedLeavesEveryLogOnce()
    {
        var scenario = new Scenario(_kafka, partitions: 3);
        scenario.ProduceLogs(6_000, "stop");

        // Stopped as soon as its first object is in the bucket, in the middle of the next uploads.
        await using (var first = await ArchiverHost.StartAsync(_kafka, scenario, bufferSize: 48 * 1024, SmallBufferInterval))
        {
            await Eventually.HoldsAsync(() => first.Metrics.Objects, n => n >= 1, Timeout, "a first object is uploaded");
        }

        var committedAtStop = scenario.Committed();
        Assert.True(committedAtStop < scenario.SentMessages, $"stopped before the end ({committedAtStop} committed)");

        await using (var restarted = await ArchiverHost.StartAsync(_kafka, scenario, bufferSize: 100 * 1024, SmallBufferInterval))
        {
            await Eventually.HoldsAsync(scenario.Committed, c => c == scenario.SentMessages, Timeout, "every message is committed");
        }

        var archived = await ReadArchiveAsync(scenario);
        Assert.Equal(scenario.SentIds.Order(StringComparer.Ordinal), archived.Select(a => a.Log.LogIdentifier).Order(StringComparer.Ordinal));
    }

    async Task<List<(ArchiveObjectKey Key, ScoredLog Log)>> ReadArchiveAsync(Scenario scenario)
    {
        var archived = new List<(ArchiveObjectKey, ScoredLog)>();
        foreach (var key in await s3.ArchivedKeysAsync())
        {
            if (key.Topic != scenario.Topic)
            {
                continue;
            }

            await foreach (var log in s3.Bucket.ReadAsync(key).WithCancellation(CancellationToken.None))
            {
                archived.Add((key, log));
            }
        }

        return archived;
    }

    static string? Header(ConsumeResult<byte[]?, byte[]?> message, string name) =>
        message.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
