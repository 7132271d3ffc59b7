using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using LogPipeline.Storage.Tests.Infrastructure;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Storage.Tests;

/// <summary>What the writer stores is plain DynamoDB: the AWS CLI reads it with an ordinary key query.</summary>
public sealed class AwsCliTests(DynamoDbLocal dynamo, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DynamoDbLocal>
{
    [Fact]
    public async Task TheAwsCliCanQueryTheAnomalyIndexTheWriterFilled()
    {
        if (!OnPath("aws"))
        {
            // The CLI is installed by apt-get install awscli; without it there is nothing to demonstrate.
            output.WriteLine("aws CLI not found on PATH: nothing to check.");
            return;
        }

        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var writer = new LogBatchWriter(dynamo.Client, dynamo.Options, new WriterMetrics(meters.GetRequiredService<IMeterFactory>()));
        var batch = TestLogs.Batch("cli", TestLogs.Day(40), 70, 1000, topic: "cli");
        await writer.WriteAsync(batch, CancellationToken.None);
        var expected = batch.Where(l => l.Scored.Verdict.AnomalyScore >= 3 && WriteSharding.ShardOf(l.Scored.Log.LogIdentifier, dynamo.Options.WriteShards) == 0).ToList();

        // The command shown in services/LogPipeline.Storage/README.md.
        var json = await RunAsync("aws", "dynamodb", "query",
            "--endpoint-url", dynamo.ServiceUrl.ToString(), "--region", "us-east-1",
            "--table-name", "KafkaLogData", "--index-name", "AnomalyIndex",
            "--key-condition-expression", "anomalyShard = :s AND anomalyScore >= :min",
            "--expression-attribute-values", """{":s":{"S":"0"},":min":{"N":"3"}}""",
            "--no-scan-index-forward", "--output", "json");

        var items = JsonDocument.Parse(json).RootElement.GetProperty("Items").EnumerateArray().ToList();
        output.WriteLine($"aws dynamodb query returned {items.Count} items");
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(l => l.Scored.Log.LogIdentifier).Order(), items.Select(i => i.GetProperty("logId").GetProperty("S").GetString()).Order());
        var scores = items.Select(i => double.Parse(i.GetProperty("anomalyScore").GetProperty("N").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, command)));

    static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "local";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "local";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }
}
