using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using LogPipeline.Archive;
using LogPipeline.Contracts;
using LogPipeline.QueryApi.Tests.Infrastructure;
using LogPipeline.Replay;
using LogPipeline.Storage.Schema;
using LogPipeline.Storage.Writing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.QueryApi.Tests;

/// <summary>Replay and archive reads against a real s3rver, the embedded broker and DynamoDB Local.</summary>
public sealed class ReplayApiTests(QueryApiApplication app, EmbeddedKafkaFixture kafka, LocalS3 s3)
    : IClassFixture<QueryApiApplication>, IClassFixture<EmbeddedKafkaFixture>, IClassFixture<LocalS3>, IDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    readonly string _raw = kafka.NewTopic(partitions: 1);
    readonly List<WebApplicationFactory<Program>> _factories = [];

    [Fact]
    public async Task RestoringARangeAfterItsItemsWereDeletedGivesBackTheSameStoredLogsOnce()
    {
        var (factory, client) = Client();
        var logs = await ArchiveAsync("restore", 40, partition: 3);
        var writer = factory.Services.GetRequiredService<LogBatchWriter>();
        await writer.WriteAsync(logs, CancellationToken.None);
        var before = new Dictionary<string, string>();
        foreach (var log in logs)
        {
            before[log.Scored.Log.LogIdentifier] = (await client.OkJsonAsync($"/api/logs/{log.Scored.Log.LogIdentifier}")).GetRawText();
        }

        foreach (var log in logs)
        {
            await app.Client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = app.Options.LogTable,
                Key = new Dictionary<string, AttributeValue>
                {
                    [LogAttributes.LogId] = new() { S = log.Scored.Log.LogIdentifier },
                    [LogAttributes.Timestamp] = new() { N = log.Scored.Log.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            });
        }

        await client.ProblemAsync($"/api/logs/{logs[0].Scored.Log.LogIdentifier}", HttpStatusCode.NotFound);

        var first = await ReplayAsync(client, Range(logs), "store");
        Assert.Equal(40, first.GetProperty("sent").GetInt64());
        Assert.Equal(40, first.GetProperty("in_range").GetInt64());
        foreach (var log in logs)
        {
            Assert.Equal(before[log.Scored.Log.LogIdentifier], (await client.OkJsonAsync($"/api/logs/{log.Scored.Log.LogIdentifier}")).GetRawText());
        }

        var again = await ReplayAsync(client, Range(logs), "store");
        Assert.Equal(0, again.GetProperty("sent").GetInt64());
        Assert.Equal(40, again.GetProperty("already_stored").GetInt64());
    }

    [Fact]
    public async Task ReplayIntoRawPublishesEachArchivedLogOnceAsARawLogKeyedByItsId()
    {
        var (_, client) = Client();
        var start = DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeMilliseconds();
        var logs = await ArchiveAsync("rescore", 25, partition: 5, start);
        // The same logs archived twice (e.g. a second version after an earlier re-score): sent once each.
        await ArchiveAsync("rescore", 25, partition: 6, start);

        var replay = await ReplayAsync(client, Range(logs), "raw", rate: 1000);

        Assert.Equal(25, replay.GetProperty("sent").GetInt64());
        Assert.Equal(25, replay.GetProperty("duplicates").GetInt64());
        Assert.Equal(2, replay.GetProperty("objects_read").GetInt64());
        var published = kafka.ConsumeAll(_raw, 26, TimeSpan.FromSeconds(5));
        Assert.Equal(logs.Select(l => l.Scored.Log.LogIdentifier).Order(StringComparer.Ordinal), published.Select(m => Encoding.UTF8.GetString(m.Message.Key!)).Order(StringComparer.Ordinal));
        foreach (var message in published)
        {
            Assert.True(LogRecordReader.TryRead(message.Message.Value, out var record, out var error), error);
            var original = logs.Single(l => l.Scored.Log.LogIdentifier == record.LogIdentifier).Scored.Log;
            Assert.Equal(original, record);
            Assert.DoesNotContain("anomaly_score", Encoding.UTF8.GetString(message.Message.Value!), StringComparison.Ordinal);
            Assert.StartsWith("year=", Encoding.UTF8.GetString(message.Message.Headers.GetLastBytes(ReplayHeaders.Source)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheArchiveListsItsHourPartitionsAndAnswersAnOldRangePagedFromTheObjects()
    {
        var (_, client) = Client();
        var old = DateTimeOffset.UtcNow.AddDays(-200).ToUnixTimeMilliseconds();
        var logs = await ArchiveAsync("old", 23, partition: 7, start: old);

        var partitions = await client.OkJsonAsync($"/api/archive/partitions?from={old - 3_600_000}&to={old + 3_600_000}");
        var hour = Assert.Single(partitions.EnumerateArray());
        Assert.Equal(ArchiveObjectKey.HourPrefix(ArchiveObjectKey.HourOf(old)), hour.GetProperty("prefix").GetString());
        Assert.Equal(1, hour.GetProperty("objects").GetInt32());

        var (from, to) = Range(logs);
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.OkJsonAsync($"/api/archive/logs?from={from}&to={to}&limit=7" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("log_identifier").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(logs.Select(l => l.Scored.Log.LogIdentifier).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BadReplayAndArchiveRequestsAnswerProblemDetails()
    {
        var (_, client) = Client();

        foreach (var (body, parameter) in new (object, string)[]
        {
            (new { from = "2026-01-02", to = "2026-01-01", target = "raw" }, "to"),
            (new { from = "yesterday", to = "2026-01-01", target = "store" }, "from"),
            (new { from = "2026-01-01", to = "2026-01-02", target = "rescore" }, "target"),
            (new { from = "2026-01-01", to = "2026-01-02", target = "1" }, "target"),
            (new { from = "2026-01-01", to = "2026-01-02", target = "raw", rate_per_second = 0 }, "rate_per_second"),
        })
        {
            using var response = await client.PostAsJsonAsync("/api/replay", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(parameter, out _), text);
        }

        await client.ProblemAsync("/api/replay/nope", HttpStatusCode.NotFound);
        await client.ProblemAsync("/api/archive/logs?cursor=%%%", HttpStatusCode.BadRequest);
        await client.ProblemAsync("/api/archive/partitions?from=2020-01-01&to=2026-01-01", HttpStatusCode.BadRequest);

        var withoutArchive = app.CreateFactory(requireApiKey: false);
        _factories.Add(withoutArchive);
        await withoutArchive.CreateClient().ProblemAsync("/api/archive/partitions", HttpStatusCode.ServiceUnavailable);
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }
    }

    static (long From, long To) Range(List<PendingLog> logs) => (logs.Min(l => l.Scored.Log.Timestamp), logs.Max(l => l.Scored.Log.Timestamp) + 1);

    async Task<JsonElement> ReplayAsync(HttpClient client, (long From, long To) range, string target, int rate = 500)
    {
        using var response = await client.PostAsJsonAsync("/api/replay", new { from = range.From.ToString(System.Globalization.CultureInfo.InvariantCulture), to = range.To.ToString(System.Globalization.CultureInfo.InvariantCulture), target, rate_per_second = rate }).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var location = response.Headers.Location!.ToString();
        return await Eventually.HoldsAsync(
            () => client.OkJsonAsync(location),
            r => r.GetProperty("state").GetString() != "running",
            Timeout,
            "the replay finishes") is var done && done.GetProperty("state").GetString() == "completed"
                ? done
                : throw new Xunit.Sdk.XunitException("Replay did not complete: " + done.GetRawText());
    }

    /// <summary>Logs of one partition's run, archived as the archiver files them, from <paramref name="start"/> (default: an hour ago), ids from <paramref name="prefix"/>.</summary>
    async Task<List<PendingLog>> ArchiveAsync(string prefix, int count, int partition, long? start = null)
    {
        var first = start ?? DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        var logs = TestLogs.Batch(prefix, first, count, 1_000, partition: partition);
        var key = new ArchiveObjectKey(ArchiveObjectKey.HourOf(first), Topics.Scored, partition, logs[0].Source.Offset, logs[^1].Source.Offset);
        using var body = new MemoryStream();
        await new ArchiveWriter().WriteAsync(logs.Select(l => l.Scored).ToList(), body, CancellationToken.None);
        body.Position = 0;
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = LocalS3.BucketName, Key = key.ToString(), InputStream = body, UseChunkEncoding = false }).WaitAsync(Timeout);
        return logs;
    }

    (WebApplicationFactory<Program> Factory, HttpClient Client) Client()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = kafka.BootstrapServers,
            ["ConnectionStrings:archive"] = LocalS3.BucketName,
            ["Pipeline:Topics:Raw"] = _raw,
        };
        foreach (var (name, value) in s3.Environment)
        {
            settings[name] = value;
        }

        var factory = app.CreateFactory(requireApiKey: false, settings: settings);
        _factories.Add(factory);
        return (factory, factory.CreateClient());
    }
}
