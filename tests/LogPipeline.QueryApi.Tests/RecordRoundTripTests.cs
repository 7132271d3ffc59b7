extern alias generator;

using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using generator::LogPipeline.Generator.Traffic;
using LogPipeline.Contracts;
using LogPipeline.QueryApi.Responses;
using LogPipeline.QueryApi.Tests.Infrastructure;
using LogPipeline.Storage;
using LogPipeline.Storage.Queries;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.QueryApi.Tests;

/// <summary>
/// One record through every boundary it crosses, each with the code the services use: the generator's record, the
/// <c>logs.raw</c> JSON, the scorer's reader, the <c>logs.scored</c> JSON, the writer's reader, the DynamoDB item in
/// DynamoDB Local, the read back and the Query API's response. Nothing may be lost or changed on the way.
/// </summary>
public sealed class RecordRoundTripTests(QueryApiApplication app) : IClassFixture<QueryApiApplication>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    static readonly JsonSerializerOptions ApiJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public async Task EveryFieldOfEveryKindOfGeneratedLogSurvivesEveryBoundaryUnchanged()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var model = new WebTrafficModel(seed: 12, anomalyProbability: 0.5);
        var serializer = new LogRecordSerializer();
        var scored = new List<ScoredLog>();
        for (var i = 0; i < 40; i++)
        {
            var generated = model.Next(now - 60_000 + i);

            var raw = serializer.Serialize(generated);
            Assert.True(LogRecordReader.TryRead(raw, LogRecordRules.Default, now, out var read, out var rawError), rawError);
            Assert.Equal(generated, read);

            var verdict = new ScoreVerdict
            {
                AnomalyScore = 0.1 + (i * 0.173),
                IsAnomaly = i % 3 == 0,
                Threshold = 2.5 + (i / 7.0),
                ThresholdMode = i % 2 == 0 ? ScoreVerdict.AdaptiveMode : ScoreVerdict.FixedMode,
                ScoredAt = now + i,
                Model = "rcf-anomaly-endpoint",
            };
            var bytes = serializer.Serialize(new ScoredLog(read, verdict));
            Assert.True(LogRecordReader.TryReadScored(bytes, LogRecordRules.Default, now, out var parsed, out var scoredError), scoredError);
            Assert.Equal(new ScoredLog(generated, verdict), parsed);
            scored.Add(parsed);
        }

        // Labelled and unlabelled logs, with and without the optional fields, flagged and not.
        Assert.Contains(scored, s => s.Log.InjectedAnomaly is not null);
        Assert.Contains(scored, s => s.Log.InjectedAnomaly is null);

        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var writer = new LogBatchWriter(app.Client, app.Options, new WriterMetrics(meters.GetRequiredService<IMeterFactory>()));
        var pending = scored.Select((s, i) => new PendingLog(s, new SourcePosition("round-trip", 0, i))).ToList();
        await writer.WriteAsync(pending, CancellationToken.None).WaitAsync(Timeout);

        var queries = new LogQueries(app.Client, app.Options);
        using var client = app.Factory.CreateClient();
        var mapper = new LogItemMapper(app.Options);
        foreach (var expected in scored)
        {
            var id = expected.Log.LogIdentifier;
            var stored = await queries.GetByIdAsync(id, CancellationToken.None).WaitAsync(Timeout);
            Assert.NotNull(stored);
            Assert.Equal(new StoredLog(expected, mapper.ExpiresAt(expected.Log.Timestamp)), stored);

            var response = await client.GetFromJsonAsync<LogResponse>($"/api/logs/{id}", ApiJson).WaitAsync(Timeout);
            Assert.Equal(LogResponse.From(stored), response);
        }
    }

    [Fact]
    public void ScoredMessagesKeepTheFlatFieldNamesAndNoLongerCarryTheFeatureVector()
    {
        var log = new WebTrafficModel(seed: 5).NextNormal(1_700_000_000_000);
        var verdict = new ScoreVerdict { AnomalyScore = 1.5, IsAnomaly = true, Threshold = 1.2, ScoredAt = 1_700_000_000_100, Model = "m" };

        using var json = JsonDocument.Parse(new LogRecordSerializer().Serialize(new ScoredLog(log, verdict)));

        string[] expected =
        [
            "log_identifier", "timestamp", "log_level", "ip_address", "user_id", "method", "path", "status_code",
            "response_time", "message", "bytes_sent", "service", "injected_anomaly",
            "anomaly_score", "is_anomaly", "threshold", "threshold_mode", "scored_at", "model",
        ];
        Assert.Equal(expected, json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.Equal(log.LogIdentifier, json.RootElement.GetProperty("log_identifier").GetString());
        Assert.True(json.RootElement.GetProperty("is_anomaly").GetBoolean());
        Assert.Equal("fixed", json.RootElement.GetProperty("threshold_mode").GetString());
        Assert.DoesNotContain("features", Encoding.UTF8.GetString(new LogRecordSerializer().Serialize(new ScoredLog(log, verdict))), StringComparison.Ordinal);
    }
}
