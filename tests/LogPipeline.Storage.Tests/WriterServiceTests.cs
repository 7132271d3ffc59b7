using Amazon.DynamoDBv2;
using LogPipeline.Contracts;
using LogPipeline.Storage.Tests.Infrastructure;
using LogPipeline.Writer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Storage.Tests;

/// <summary>The Writer service as a whole: real Kafka protocol (mock cluster) in, DynamoDB Local out.</summary>
public sealed class WriterServiceTests(DynamoDbLocal dynamo) : IClassFixture<DynamoDbLocal>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task TheWriterStoresWhatItConsumesDeadLettersTheRestAndCommitsItsOffsets()
    {
        using var kafka = new EmbeddedKafkaFixture();
        var start = TestLogs.DaysAgo(30);
        using (var producer = kafka.CreateProducer())
        {
            for (var i = 0; i < 120; i++)
            {
                var log = TestLogs.Log($"service-{i:D3}", start + (i * 1000), i, score: i % 10 == 0 ? 4.0 : 1.0, isAnomaly: i % 10 == 0);
                producer.Produce(Topics.Scored, ScoredMessages.Message(log));
            }

            producer.Produce(Topics.Scored, ScoredMessages.Raw("garbage"));
            producer.Flush(Timeout);
        }

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:kafka", kafka.BootstrapServers);
            web.UseSetting("Pipeline:Storage:WriteShards", dynamo.Options.WriteShards.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Pipeline:Storage:RetentionDays", dynamo.Options.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Pipeline:Writer:BatchSize", "50");
            web.ConfigureTestServices(services => services.AddSingleton(DynamoDbLocal.CreateClient(dynamo.ServiceUrl)));
        });
        using var client = factory.CreateClient();
        var worker = factory.Services.GetRequiredService<ScoredLogWriterWorker>();

        await WaitUntilAsync(() => Task.FromResult(worker.CommittedMessages == 121));

        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, start + 120_000);
        Assert.Equal(120, stored.Count);
        var dead = kafka.ConsumeAll(Topics.DeadLetter, 1, Timeout);
        Assert.Equal("garbage", System.Text.Encoding.UTF8.GetString(Assert.Single(dead).Message.Value!));
        var health = await client.GetAsync("/health");
        Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EachClassOfPoisonIsDeadLetteredWithItsReasonWhileTheLogsAfterItAreStoredCountedAndCommitted()
    {
        using var kafka = new EmbeddedKafkaFixture();
        var start = TestLogs.DaysAgo(3);
        var template = System.Text.Encoding.UTF8.GetString(ScoredMessages.Message(TestLogs.Log("poison", start)).Value!);
        string Poison(string from, string to)
        {
            Assert.Contains(from, template, StringComparison.Ordinal);
            return template.Replace(from, to, StringComparison.Ordinal);
        }

        var timestamp = $"\"timestamp\":{start}";
        var poison = new (string Value, string Reason)[]
        {
            (Poison("\"log_identifier\":\"poison\"", "\"log_identifier\":\"\\udc00\""), "invalid text"),
            (Poison(timestamp, "\"timestamp\":1e19"), "not a plausible epoch time"),
            (Poison(timestamp, "\"timestamp\":253402300800000"), "not a plausible epoch time"),
            (Poison(timestamp, "\"timestamp\":1000"), "plausibility window"),
            (Poison("\"status_code\":200", "\"status_code\":[200]"), "status_code must be a number"),
            (Poison("\"anomaly_score\":1", "\"anomaly_score\":\"NaN\""), "anomaly_score"),
            (Poison("\"message\":\"request poison\"", "\"message\":" + new string('[', 100) + new string(']', 100)), "invalid JSON"),
            (Poison("\"message\":\"request poison\"", "\"message\":\"" + new string('x', 300_000) + "\""), "larger than the 262144 byte limit"),
            ("\u00ff\u00fe{", "invalid JSON"),
        };
        using (var producer = kafka.CreateProducer())
        {
            for (var i = 0; i < 90; i++)
            {
                if (i % 10 == 5)
                {
                    producer.Produce(Topics.Scored, ScoredMessages.Raw(poison[i / 10].Value));
                }

                producer.Produce(Topics.Scored, ScoredMessages.Message(TestLogs.Log($"after-{i:D3}", start + (i * 1000), i, isAnomaly: i % 7 == 0)));
            }

            producer.Flush(Timeout);
        }

        await using var factory = CreateWriter(kafka, DynamoDbLocal.CreateClient(dynamo.ServiceUrl));
        using var client = factory.CreateClient();
        var worker = factory.Services.GetRequiredService<ScoredLogWriterWorker>();

        await WaitUntilAsync(() => Task.FromResult(worker.CommittedMessages == 90 + poison.Length));

        var stored = await TableReader.LogsBetweenAsync(dynamo.Client, dynamo.Options, start, start + 90_000);
        Assert.Equal(90, stored.Count);
        foreach (var granularity in new[] { Counters.CounterGranularity.Minute, Counters.CounterGranularity.Hour })
        {
            var rollups = TableReader.WithoutSums(await TableReader.RollupsAsync(dynamo.Client, dynamo.Options, granularity, start, start + 90_000));
            Assert.Equal(TableReader.Recount(stored, granularity), rollups);
        }

        var dead = kafka.ConsumeAll(Topics.DeadLetter, poison.Length, Timeout);
        Assert.Equal(poison.Length, dead.Count);
        foreach (var (value, reason) in poison)
        {
            var original = System.Text.Encoding.UTF8.GetBytes(value);
            var letter = Assert.Single(dead, d => d.Message.Value.AsSpan().SequenceEqual(original));
            Assert.Contains(reason, Header(letter, DeadLetterHeaders.Reason), StringComparison.Ordinal);
            Assert.Equal("writer", Header(letter, DeadLetterHeaders.Stage));
        }
    }

    [Fact]
    public async Task HealthSaysDegradedWhileABatchIsRetriedAndUnhealthyOnceItIsStuckPastTheThreshold()
    {
        using var kafka = new EmbeddedKafkaFixture();
        using (var producer = kafka.CreateProducer())
        {
            producer.Produce(Topics.Scored, ScoredMessages.Message(TestLogs.Log("stuck-1", TestLogs.DaysAgo(1))));
            producer.Flush(Timeout);
        }

        // DynamoDB is unreachable: an outage, retried without end and never dead-lettered.
        // The SDK's own retries would hold each attempt for long; without them the worker's retries show at once.
        var unreachable = new AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = "http://127.0.0.1:9",
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(1),
        });
        await using var factory = CreateWriter(kafka, unreachable, ("Pipeline:Consumer:StuckThreshold", "00:00:03"), ("Pipeline:Storage:EnsureTables", "false"));
        using var client = factory.CreateClient();
        var worker = factory.Services.GetRequiredService<ScoredLogWriterWorker>();

        var seen = new List<string>();
        async Task<bool> Reports(string status)
        {
            var text = await (await client.GetAsync("/health")).Content.ReadAsStringAsync();

            // The JSON report (status and each check), or the plain-text status of ASP.NET Core's default writer.
            var body = text.StartsWith('{')
                ? System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("status").GetString()!
                : text;
            if (seen.Count == 0 || seen[^1] != body)
            {
                seen.Add(body);
            }

            return body == status;
        }

        var reached = WaitUntilAsync(() => Reports("Degraded")).ContinueWith(_ => WaitUntilAsync(() => Reports("Unhealthy"))).Unwrap();
        await Task.WhenAny(reached);
        Assert.True(reached.IsCompletedSuccessfully, $"/health reported {string.Join(" → ", seen)}; worker {worker.State} for {worker.UncommittedFor} on a batch: {worker.LastError}");

        Assert.Equal(["Degraded", "Unhealthy"], seen.SkipWhile(s => s == "Healthy"));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(0, worker.CommittedMessages);
        Assert.Equal(0, worker.IsolatedMessages);
        Assert.Contains("Transient", worker.LastError, StringComparison.Ordinal);
    }

    WebApplicationFactory<Program> CreateWriter(EmbeddedKafkaFixture kafka, IAmazonDynamoDB dynamoClient, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:kafka", kafka.BootstrapServers);
            web.UseSetting("Pipeline:Storage:WriteShards", dynamo.Options.WriteShards.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Pipeline:Storage:RetentionDays", dynamo.Options.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Pipeline:Writer:BatchSize", "50");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services => services.AddSingleton(dynamoClient));
        });

    static string Header(Confluent.Kafka.ConsumeResult<byte[]?, byte[]?> result, string name) =>
        System.Text.Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));

    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
