using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using LogPipeline.Specs.Support;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>Bad messages published to logs.raw, and what arrives in logs.dlq, read with a real Kafka consumer.</summary>
[Binding]
public sealed class DeadLetterSteps(PipelineApp pipeline, SentLogs sent, StoreChecks store, ITestOutputHelper output)
{
    /// <summary>LogRecordReader's limit; the generator accepts up to 1,000,000 bytes.</summary>
    const int OversizedBytes = 70_000;

    static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    readonly List<(string Kind, byte[] Payload)> _published = [];
    List<ConsumeResult<byte[]?, byte[]?>> _deadLetters = [];
    DateTimeOffset _publishedAt;

    string Key => $"specs-{sent.Run}-dlq";

    [When("these messages are published to logs.raw, in this order, under one key:")]
    public async Task WhenTheseMessagesArePublished(DataTable table)
    {
        foreach (var row in table.Rows)
        {
            var kind = row["kind"];
            _published.Add((kind, Encoding.UTF8.GetBytes(Payload(kind, _published.Count))));
        }

        _publishedAt = DateTimeOffset.UtcNow;
        await pipeline.Generator.PublishRawAsync([.. _published.Select(p => Encoding.UTF8.GetString(p.Payload))], Key);
    }

    [Then("the {int} bad messages arrive in logs.dlq, each with its original bytes and a reason:")]
    public void ThenTheBadMessagesArriveInTheDeadLetterTopic(int count, DataTable table)
    {
        var key = Encoding.UTF8.GetBytes(Key);
        _deadLetters = KafkaTopics.Read(
            pipeline.KafkaBootstrapServers, KafkaTopics.DeadLetter,
            r => r.Message.Key is { } k && k.AsSpan().SequenceEqual(key),
            kept => kept.Count >= count,
            ReadTimeout);
        Assert.Equal(count, _deadLetters.Count);
        Assert.Equal(count, table.RowCount);
        foreach (var row in table.Rows)
        {
            var payload = _published.Single(p => p.Kind == row["kind"]).Payload;
            var letter = Assert.Single(_deadLetters, d => d.Message.Value.AsSpan().SequenceEqual(payload));
            var reason = Header(letter, "error.reason");
            output.WriteLine($"{row["kind"]}: stage {Header(letter, "error.stage")}, reason \"{reason}\"");
            Assert.Equal(row["error.stage"], Header(letter, "error.stage"));
            Assert.Contains(row["error.reason contains"], reason, StringComparison.Ordinal);
        }
    }

    [Then("each dead letter names where it came from: topic logs.raw, the partition and offset of the original, and the time of the error")]
    public void ThenEachDeadLetterNamesItsSource()
    {
        foreach (var letter in _deadLetters)
        {
            Assert.Equal(KafkaTopics.Raw, Header(letter, "source.topic"));
            var partition = int.Parse(Header(letter, "source.partition"), CultureInfo.InvariantCulture);
            var offset = long.Parse(Header(letter, "source.offset"), CultureInfo.InvariantCulture);
            var original = KafkaTopics.ReadAt(pipeline.KafkaBootstrapServers, KafkaTopics.Raw, partition, offset, TimeSpan.FromSeconds(15));
            Assert.Equal(original.Message.Value, letter.Message.Value);

            var time = DateTimeOffset.Parse(Header(letter, "error.time"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            Assert.InRange(time, _publishedAt.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        }
    }

    [Then("the {int} valid logs around them are stored")]
    public async Task ThenTheValidLogsAreStored(int count)
    {
        Assert.Equal(count, sent.Ids.Count);
        await store.WaitUntilStoredAsync(sent.Ids);
    }

    string Payload(string kind, int index)
    {
        JsonObject Log() => sent.Create(1, $"dlq{index}")[0];
        JsonObject Unsent() => WithoutSending(Log());
        switch (kind)
        {
            case "valid":
                return Log().ToJsonString();
            case "malformed":
                return $$"""{"log_identifier": "specs-{{sent.Run}}-malformed", "timestamp": oops, "path": "/"}""";
            case "truncated":
                var full = Unsent().ToJsonString();
                return full[..(full.Length / 2)];
            case "mistyped":
                var mistyped = Unsent();
                mistyped["status_code"] = "two hundred";
                return mistyped.ToJsonString();
            case "oversized":
                var oversized = Unsent();
                var size = Encoding.UTF8.GetByteCount(oversized.ToJsonString());
                oversized["message"] = oversized["message"]!.GetValue<string>() + new string('x', OversizedBytes - size);
                var text = oversized.ToJsonString();
                Assert.Equal(OversizedBytes, Encoding.UTF8.GetByteCount(text));
                return text;
            default:
                throw new ArgumentException($"Unknown kind of message '{kind}': use valid, malformed, truncated, mistyped or oversized.", nameof(kind));
        }
    }

    /// <summary>A bad message is not expected to be stored: take it out of the scenario's sent logs.</summary>
    JsonObject WithoutSending(JsonObject log)
    {
        sent.Forget(SentLogs.Id(log));
        return log;
    }

    static string Header(ConsumeResult<byte[]?, byte[]?> letter, string name) =>
        letter.Message.Headers.TryGetLastBytes(name, out var bytes)
            ? Encoding.UTF8.GetString(bytes)
            : throw new InvalidOperationException($"The dead letter has no {name} header.");
}
