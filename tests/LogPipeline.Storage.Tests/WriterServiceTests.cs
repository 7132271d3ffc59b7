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
        var start = TestLogs.Day(30);
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

    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
