using System.Diagnostics.Metrics;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Schema;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Storage.Tests;

/// <summary>The scorer's explanation of an anomaly is stored with it in DynamoDB Local and read back; normal logs carry none.</summary>
public sealed class ExplanationStorageTests(DynamoDbLocal dynamo) : IClassFixture<DynamoDbLocal>, IDisposable
{
    const string Explanation = "response time 30.0 s, 588.2x this route's usual (79 %); client first seen (19 %)";
    readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task AnExplainedAnomalyIsStoredWithItsExplanationAndANormalLogWithout()
    {
        var start = TestLogs.Day(40);
        var logged = TestLogs.Log("explained", start, score: 4.2, isAnomaly: true);
        var anomaly = logged with { Verdict = logged.Verdict with { Explanation = Explanation } };
        var normal = TestLogs.Log("unexplained", start + 1, score: 0.8);
        var writer = new LogBatchWriter(dynamo.Client, dynamo.Options, new WriterMetrics(_services.GetRequiredService<IMeterFactory>()));

        await writer.WriteAsync([new(anomaly, new SourcePosition("explain", 0, 0)), new(normal, new SourcePosition("explain", 0, 1))], CancellationToken.None);

        var stored = await GetAsync("explained", start);
        Assert.Equal(Explanation, stored[LogAttributes.Explanation].S);
        Assert.Equal(Explanation, LogItemMapper.FromItem(stored).Scored.Verdict.Explanation);
        var plain = await GetAsync("unexplained", start + 1);
        Assert.False(plain.ContainsKey(LogAttributes.Explanation));
        Assert.Null(LogItemMapper.FromItem(plain).Scored.Verdict.Explanation);
    }

    async Task<Dictionary<string, AttributeValue>> GetAsync(string id, long timestamp) =>
        (await dynamo.Client.GetItemAsync(dynamo.Options.LogTable, new Dictionary<string, AttributeValue>
        {
            [LogAttributes.LogId] = new() { S = id },
            [LogAttributes.Timestamp] = new() { N = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }).WaitAsync(TimeSpan.FromSeconds(30))).Item;
}
