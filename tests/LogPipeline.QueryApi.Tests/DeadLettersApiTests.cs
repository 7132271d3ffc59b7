using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka.DeadLetters;
using LogPipeline.QueryApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LogPipeline.QueryApi.Tests;

/// <summary>The dead-letter listing and re-drive against the embedded broker (real Kafka protocol) and DynamoDB Local.</summary>
public sealed class DeadLettersApiTests(QueryApiApplication app, EmbeddedKafkaFixture kafka)
    : IClassFixture<QueryApiApplication>, IClassFixture<EmbeddedKafkaFixture>, IDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    readonly string _deadLetters = kafka.NewTopic(partitions: 2);
    readonly string _raw = kafka.NewTopic(partitions: 1);
    readonly List<WebApplicationFactory<Program>> _factories = [];

    [Fact]
    public async Task ListingFiltersByStageAndReasonAndPagesThroughEveryDeadLetterOnce()
    {
        var produced = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            produced.Add(Produce(i % 3 == 0 ? "writer" : "scorer", i % 2 == 0 ? "invalid JSON at byte 3" : "status_code out of range", $"payload-{i}", partition: i % 2));
        }

        var client = Client();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.OkJsonAsync("/api/deadletters?stage=scorer&limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.GetProperty("count").GetInt32() <= 2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i =>
            {
                Assert.Equal("scorer", i.GetProperty("stage").GetString());
                Assert.Equal(_deadLetters, i.GetProperty("source_topic").GetString());
                return i.GetProperty("id").GetString()!;
            }));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        var expected = produced.Where((_, i) => i % 3 != 0).Order(StringComparer.Ordinal);
        Assert.Equal(expected, seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var byReason = await client.OkJsonAsync("/api/deadletters?reason=OUT%20OF%20RANGE&stage=WRITER");
        Assert.Equal([produced[3]], byReason.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Null(byReason.GetProperty("next_cursor").GetString());

        var summary = await client.OkJsonAsync("/api/deadletters/summary");
        Assert.True(summary.GetProperty("complete").GetBoolean());
        Assert.Equal(9, summary.GetProperty("total").GetInt32());
        Assert.Equal(
            ["scorer|invalid JSON at byte 3|3", "scorer|status_code out of range|3", "writer|invalid JSON at byte 3|2", "writer|status_code out of range|1"],
            summary.GetProperty("groups").EnumerateArray()
                .Select(g => $"{g.GetProperty("stage").GetString()}|{g.GetProperty("reason").GetString()}|{g.GetProperty("count").GetInt32()}")
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PayloadsAreEscapedTextOrBase64AndCutNeverMarkup()
    {
        var script = Produce("scorer", "invalid JSON", "<script>alert('x')</script>&amp;");
        var binary = Produce("scorer", "invalid UTF-8", [0xFF, 0xFE, 0x3C, 0x00]);
        var large = Produce("scorer", "too large", new string('é', 3_000));

        using var response = await Client().GetAsync("/api/deadletters?limit=10");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&amp;", body, StringComparison.Ordinal);
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("<script>alert('x')</script>&amp;", items[script].GetProperty("payload").GetString());
        Assert.Equal("utf-8", items[script].GetProperty("payload_encoding").GetString());
        Assert.Equal("base64", items[binary].GetProperty("payload_encoding").GetString());
        Assert.Equal(new byte[] { 0xFF, 0xFE, 0x3C, 0x00 }, Convert.FromBase64String(items[binary].GetProperty("payload").GetString()!));
        Assert.True(items[large].GetProperty("payload_cut").GetBoolean());
        Assert.Equal(6_000, items[large].GetProperty("payload_size").GetInt32());
        Assert.Equal(new string('é', DeadLetterPayload.MaxPreviewBytes / 2), items[large].GetProperty("payload").GetString());
    }

    [Fact]
    public async Task RedriveSendsBackValidLogsOncePerLogIdAndCountsWhatFailedAgain()
    {
        var fixedLog = Produce("scorer", "scoring endpoint returned 400", Log("redrive-ok-" + Guid.NewGuid().ToString("N")[..8]));
        var sameLogAgain = Produce("writer", "item too large", Encoding.UTF8.GetString(kafka.ConsumeAll(_deadLetters, 1, Timeout)[0].Message.Value!));
        var stillBroken = Produce("scorer", "invalid JSON", "{\"log_identifier\": ");
        var stored = Produce("writer", "throttled too long", Log(app.Logs[5].Scored.Log.LogIdentifier));
        var client = Client();

        var result = await RedriveAsync(client, fixedLog, sameLogAgain, stillBroken, stored, "1-999999");

        Assert.Equal(5, result.GetProperty("requested").GetInt32());
        Assert.Equal(1, result.GetProperty("redriven").GetInt32());
        Assert.Equal(1, result.GetProperty("failed_again").GetInt32());
        Assert.Equal(1, result.GetProperty("already_stored").GetInt32());
        Assert.Equal(1, result.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, result.GetProperty("not_found").GetInt32());
        var outcomes = result.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i);
        Assert.Equal("redriven", outcomes[fixedLog].GetProperty("outcome").GetString());
        Assert.Equal("duplicate", outcomes[sameLogAgain].GetProperty("outcome").GetString());
        Assert.Equal("failed_again", outcomes[stillBroken].GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(outcomes[stillBroken].GetProperty("reason").GetString()));
        Assert.Equal("already_stored", outcomes[stored].GetProperty("outcome").GetString());

        var raw = kafka.ConsumeAll(_raw, 2, TimeSpan.FromSeconds(3));
        var sent = Assert.Single(raw);
        var logId = outcomes[fixedLog].GetProperty("log_id").GetString()!;
        Assert.Equal(logId, Encoding.UTF8.GetString(sent.Message.Key!));
        Assert.Equal($"{_deadLetters}/{fixedLog.Replace('-', '/')}", Encoding.UTF8.GetString(sent.Message.Headers.GetLastBytes(DeadLetterRedriver.SourceHeader)));
        Assert.True(LogRecordReader.TryRead(sent.Message.Value, out var record, out _));
        Assert.Equal(logId, record.LogIdentifier);
    }

    [Fact]
    public async Task ADeadLetterReDrivenAgainBeforeItIsStoredIsPublishedOnceAndAnsweredAlreadyRedriven()
    {
        var twice = Produce("scorer", "scoring endpoint returned 503", Log("redrive-twice-" + Guid.NewGuid().ToString("N")[..8]));
        var racing = Produce("scorer", "scoring endpoint returned 503", Log("redrive-race-" + Guid.NewGuid().ToString("N")[..8]), partition: 1);
        var client = Client();

        var first = await RedriveAsync(client, twice);
        var second = await RedriveAsync(client, twice);
        var atOnce = await Task.WhenAll(RedriveAsync(client, racing), RedriveAsync(Client(), racing)).WaitAsync(Timeout);

        Assert.Equal((1, 0), (first.GetProperty("redriven").GetInt32(), first.GetProperty("already_redriven").GetInt32()));
        Assert.Equal((0, 1), (second.GetProperty("redriven").GetInt32(), second.GetProperty("already_redriven").GetInt32()));
        var item = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal("already_redriven", item.GetProperty("outcome").GetString());
        Assert.Equal(1, atOnce.Sum(r => r.GetProperty("redriven").GetInt32()));
        Assert.Equal(1, atOnce.Sum(r => r.GetProperty("already_redriven").GetInt32()));
        var raw = kafka.ConsumeAll(_raw, 3, TimeSpan.FromSeconds(3));
        Assert.Equal(2, raw.Count);
        Assert.Equal(
            new[] { $"{_deadLetters}/{racing.Replace('-', '/')}", $"{_deadLetters}/{twice.Replace('-', '/')}" }.Order(StringComparer.Ordinal),
            raw.Select(m => Encoding.UTF8.GetString(m.Message.Headers.GetLastBytes(DeadLetterRedriver.SourceHeader))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BadListingAndRedriveRequestsAnswerProblemDetailsNamingTheParameter()
    {
        var client = Client();

        foreach (var (url, parameter) in new[]
        {
            ("/api/deadletters?limit=0", "limit"),
            ("/api/deadletters?limit=501", "limit"),
            ("/api/deadletters?cursor=abc", "cursor"),
            ("/api/deadletters?stage=%3Cscript%3E", "stage"),
            ("/api/deadletters/summary?reason=", "reason"),
        })
        {
            var problem = await client.ProblemAsync(url, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), url);
        }

        foreach (var body in new object[] { new { ids = Array.Empty<string>() }, new { ids = new[] { "0-1", "x-2" } }, new { ids = Enumerable.Range(0, 501).Select(i => $"0-{i}").ToArray() } })
        {
            using var response = await client.PostAsJsonAsync("/api/deadletters/redrive", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("ids", out _));
        }

        Assert.Empty(kafka.ConsumeAll(_raw, 1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task DeadLettersNeedTheApiKeyLikeTheRestOfTheApi()
    {
        var client = Client(requireApiKey: true);

        await client.ProblemAsync("/api/deadletters", HttpStatusCode.Unauthorized);
        using var redrive = await client.PostAsJsonAsync("/api/deadletters/redrive", new { ids = new[] { "0-0" } });
        Assert.Equal(HttpStatusCode.Unauthorized, redrive.StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", QueryApiApplication.ApiKey);
        await client.OkJsonAsync("/api/deadletters");
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }
    }

    static async Task<JsonElement> RedriveAsync(HttpClient client, params string[] ids)
    {
        using var response = await client.PostAsJsonAsync("/api/deadletters/redrive", new { ids }).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    HttpClient Client(bool requireApiKey = false)
    {
        var factory = app.CreateFactory(requireApiKey, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = kafka.BootstrapServers,
            ["Pipeline:Topics:DeadLetter"] = _deadLetters,
            ["Pipeline:Topics:Raw"] = _raw,
        });
        _factories.Add(factory);
        return factory.CreateClient();
    }

    string Produce(string stage, string reason, string value, int partition = 0) => Produce(stage, reason, Encoding.UTF8.GetBytes(value), partition);

    string Produce(string stage, string reason, byte[] value, int partition = 0)
    {
        var headers = new Headers
        {
            { DeadLetterHeaders.Stage, Encoding.UTF8.GetBytes(stage) },
            { DeadLetterHeaders.Reason, Encoding.UTF8.GetBytes(reason) },
            { DeadLetterHeaders.SourceTopic, Encoding.UTF8.GetBytes(_deadLetters) },
            { DeadLetterHeaders.SourcePartition, "0"u8.ToArray() },
            { DeadLetterHeaders.SourceOffset, "7"u8.ToArray() },
            { DeadLetterHeaders.Time, Encoding.UTF8.GetBytes(DateTimeOffset.UtcNow.ToString("O")) },
        };
        using var producer = kafka.CreateProducer();
        var delivery = producer.ProduceAsync(new TopicPartition(_deadLetters, partition), new Message<byte[]?, byte[]?> { Value = value, Headers = headers })
            .WaitAsync(Timeout).GetAwaiter().GetResult();
        return new DeadLetterId(delivery.Partition.Value, delivery.Offset.Value).ToString();
    }

    static string Log(string id) => JsonSerializer.Serialize(new
    {
        log_identifier = id,
        timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        log_level = "INFO",
        method = "GET",
        path = "/api/items",
        status_code = 200,
        response_time = 0.05,
    });
}
