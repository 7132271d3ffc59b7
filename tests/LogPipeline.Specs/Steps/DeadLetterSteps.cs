using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Specs.Support;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>Bad messages published to logs.raw, and what arrives in logs.dlq, read with a real Kafka consumer.</summary>
[Binding]
public sealed class DeadLetterSteps(PipelineApp pipeline, SentLogs sent, StoreChecks store, ITestOutputHelper output)
{
    /// <summary>LogRecordReader's limit; the generator accepts up to 1,000,000 bytes.</summary>
    const int OversizedBytes = 70_000;

    /// <summary>Just under what the broker and librdkafka accept (1,000,000 bytes with key and headers).</summary>
    const int NearSizeLimitBytes = 990_000;

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
            _published.Add((kind, Payload(kind, _published.Count)));
        }

        _publishedAt = DateTimeOffset.UtcNow;
        await pipeline.Generator.PublishRawAsync([.. _published.Select(p => Encoding.UTF8.GetString(p.Payload))], Key);
    }

    [When("these messages are produced to logs.raw by a Kafka client, in this order, under one key:")]
    public async Task WhenTheseMessagesAreProducedByAKafkaClient(DataTable table)
    {
        // Not through the generator: its control API takes JSON strings, which cannot carry invalid UTF-8.
        foreach (var row in table.Rows)
        {
            var kind = row["kind"];
            _published.Add((kind, Payload(kind, _published.Count)));
        }

        _publishedAt = DateTimeOffset.UtcNow;
        await KafkaTopics.ProduceInOrderAsync(pipeline.KafkaBootstrapServers, KafkaTopics.Raw, Key, _published.Select(p => p.Payload), ReadTimeout);
    }

    [Then("the {int} bad messages arrive in logs.dlq, each with its original bytes and a reason:")]
    [Then("the {int} poison messages arrive in logs.dlq, each with a reason:")]
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
            var letter = Assert.Single(_deadLetters, d => IsLetterOf(d, payload));
            var reason = Header(letter, DeadLetterHeaders.Reason);
            output.WriteLine($"{row["kind"]}: stage {Header(letter, DeadLetterHeaders.Stage)}, reason \"{reason}\", {letter.Message.Value?.Length} of {payload.Length} bytes kept");
            Assert.Equal(row.TryGetValue("error.stage", out var stage) ? stage : "scorer", Header(letter, DeadLetterHeaders.Stage));
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

    [Then("the dead letter of the {string} message, too large to publish again whole, keeps its beginning, its size and its SHA-256")]
    public void ThenTheCutDeadLetterKeepsItsBeginningSizeAndHash(string kind)
    {
        var payload = _published.Single(p => p.Kind == kind).Payload;
        var letter = Assert.Single(_deadLetters, d => IsLetterOf(d, payload));
        var kept = letter.Message.Value!;
        output.WriteLine($"{kind}: {Header(letter, DeadLetterHeaders.Truncated)}");
        Assert.InRange(kept.Length, 1, payload.Length - 1);
        Assert.True(payload.AsSpan(0, kept.Length).SequenceEqual(kept), "the dead letter's value is the beginning of the original");
        Assert.Equal(payload.Length, int.Parse(Header(letter, DeadLetterHeaders.OriginalSize), CultureInfo.InvariantCulture));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(payload)), Header(letter, DeadLetterHeaders.OriginalSha256));
    }

    [Then("the {int} valid logs around them are stored")]
    public async Task ThenTheValidLogsAreStored(int count)
    {
        Assert.Equal(count, sent.Ids.Count);
        await store.WaitUntilStoredAsync(sent.Ids);
    }

    byte[] Payload(string kind, int index)
    {
        JsonObject Log() => sent.Create(1, $"dlq{index}")[0];
        JsonObject Unsent() => WithoutSending(Log());
        switch (kind)
        {
            case "valid":
                return Utf8(Log().ToJsonString());
            case "malformed":
                return Utf8($$"""{"log_identifier": "specs-{{sent.Run}}-malformed", "timestamp": oops, "path": "/"}""");
            case "truncated":
                var full = Unsent().ToJsonString();
                return Utf8(full[..(full.Length / 2)]);
            case "mistyped":
                var mistyped = Unsent();
                mistyped["status_code"] = "two hundred";
                return Utf8(mistyped.ToJsonString());
            case "oversized":
                return Padded(Unsent(), OversizedBytes);
            case "near size limit":
                return Padded(Unsent(), NearSizeLimitBytes);
            case "invalid UTF-8":
                // C3 opens a two-byte sequence that 28 ('(') cannot continue: put it inside the path's string.
                var bytes = Utf8(Unsent().ToJsonString());
                var pathStart = Utf8("\"path\":\"/");
                var at = bytes.AsSpan().IndexOf(pathStart);
                Assert.True(at >= 0, "the log has a path");
                return [.. bytes[..(at + pathStart.Length)], 0xC3, 0x28, .. bytes[(at + pathStart.Length)..]];
            case "lone surrogate":
                var log = Unsent();
                return Utf8(log.ToJsonString().Replace(SentLogs.Id(log), "\\udc00", StringComparison.Ordinal));
            case "absurd timestamp":
                var absurd = Unsent();
                absurd["timestamp"] = 1e19;
                return Utf8(absurd.ToJsonString());
            default:
                throw new ArgumentException(
                    $"Unknown kind of message '{kind}': use valid, malformed, truncated, mistyped, oversized, near size limit, invalid UTF-8, lone surrogate or absurd timestamp.",
                    nameof(kind));
        }
    }

    /// <summary>The log with its message padded so that its JSON is exactly <paramref name="size"/> bytes.</summary>
    static byte[] Padded(JsonObject log, int size)
    {
        var length = Encoding.UTF8.GetByteCount(log.ToJsonString());
        log["message"] = log["message"]!.GetValue<string>() + new string('x', size - length);
        var bytes = Utf8(log.ToJsonString());
        Assert.Equal(size, bytes.Length);
        return bytes;
    }

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The dead letter of <paramref name="payload"/>: its bytes, or, cut to fit, their beginning with the whole's SHA-256.</summary>
    static bool IsLetterOf(ConsumeResult<byte[]?, byte[]?> letter, byte[] payload) =>
        letter.Message.Headers.TryGetLastBytes(DeadLetterHeaders.OriginalSha256, out var sha256)
            ? Encoding.UTF8.GetString(sha256) == Convert.ToHexStringLower(SHA256.HashData(payload))
            : letter.Message.Value.AsSpan().SequenceEqual(payload);

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
