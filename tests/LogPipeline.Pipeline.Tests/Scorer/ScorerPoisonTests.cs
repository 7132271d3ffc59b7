using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Pipeline.Tests.Kafka;
using LogPipeline.Scorer.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Pipeline.Tests.Scorer;

/// <summary>
/// The scorer as a whole (embedded Kafka in, a SageMaker-protocol endpoint on loopback): each class of poison that
/// once stopped all scoring goes to logs.dlq with its reason while the logs after it are scored and committed.
/// </summary>
public sealed class ScorerPoisonTests(EmbeddedKafkaFixture kafka) : IClassFixture<EmbeddedKafkaFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EachClassOfPoisonIsDeadLetteredWithItsReasonAndTheLogsAfterItAreScoredAndCommitted()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string Log(string id, string timestamp = "", string field = "") =>
            $$"""{"log_identifier":"{{id}}","timestamp":{{(timestamp.Length > 0 ? timestamp : now.ToString(System.Globalization.CultureInfo.InvariantCulture))}},"log_level":"INFO","method":"GET","path":"/api/cart","status_code":200,"response_time":0.05{{field}}}""";
        var poison = new (byte[] Value, string Reason)[]
        {
            (Encoding.UTF8.GetBytes(Log("\\udc00")), "invalid text"),
            (Encoding.UTF8.GetBytes(Log("ts-1e19", "1e19")), "not a plausible epoch time"),
            (Encoding.UTF8.GetBytes(Log("ts-old", "946684800000")), "plausibility window"),
            (Encoding.UTF8.GetBytes(Log("nan", field: ",\"bytes_sent\":\"NaN\"")), "bytes_sent NaN"),
            (Encoding.UTF8.GetBytes(Log("deep", field: ",\"x\":" + new string('[', 100) + new string(']', 100))), "invalid JSON"),
            (Encoding.UTF8.GetBytes(Log("typed", field: ",\"user_id\":{}")), "user_id must be a string"),
            (Encoding.UTF8.GetBytes(Log("huge", field: ",\"message\":\"" + new string('x', 70_000) + "\"")), "larger than the 65536 byte limit"),
            ([.. Encoding.UTF8.GetBytes(Log("bad-utf8"))[..30], 0xC3, 0x28, .. Encoding.UTF8.GetBytes(Log("bad-utf8"))[30..]], "invalid"),
        };
        var raw = kafka.NewTopic();
        var scored = kafka.NewTopic(1);
        var dlq = kafka.NewTopic(1);
        var valid = new List<string>();
        using (var producer = kafka.CreateProducer())
        {
            for (var i = 0; i < 80; i++)
            {
                if (i % 10 == 3)
                {
                    producer.Produce(raw, new Message<byte[]?, byte[]?> { Value = poison[i / 10].Value });
                }

                valid.Add($"ok-{i:D3}");
                producer.Produce(raw, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(valid[^1]), Value = Encoding.UTF8.GetBytes(Log(valid[^1])) });
            }

            producer.Flush(Timeout);
        }

        await using var endpoint = await StartScoringEndpointAsync();
        await using var scorer = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:kafka", kafka.BootstrapServers);
            web.UseSetting("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", endpoint.Urls.First());
            web.UseSetting("AWS_REGION", "us-east-1");
            web.UseSetting("Pipeline:Topics:Raw", raw);
            web.UseSetting("Pipeline:Topics:Scored", scored);
            web.UseSetting("Pipeline:Topics:DeadLetter", dlq);
            web.UseSetting("Pipeline:Scorer:ConsumerGroup", "scorer-" + Guid.NewGuid().ToString("N"));
            web.UseSetting("Pipeline:Scorer:BatchSize", "25");
            web.ConfigureTestServices(services => services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("local", "local")));
        });
        using var client = scorer.CreateClient();
        var worker = scorer.Services.GetRequiredService<ScoringWorker>();
        using (var deadline = new CancellationTokenSource(Timeout))
        {
            while (worker.CommittedMessages < valid.Count + poison.Length)
            {
                await Task.Delay(50, deadline.Token);
            }
        }

        var scoredIds = kafka.ConsumeAll(scored, valid.Count, Timeout)
            .Select(m => JsonDocument.Parse(m.Message.Value).RootElement.GetProperty("log_identifier").GetString()!)
            .ToHashSet();
        Assert.Equal(valid.ToHashSet(), scoredIds);
        var letters = kafka.ConsumeAll(dlq, poison.Length, Timeout);
        Assert.Equal(poison.Length, letters.Count);
        foreach (var (value, reason) in poison)
        {
            var letter = Assert.Single(letters, l => l.Message.Value.AsSpan().SequenceEqual(value));
            Assert.Contains(reason, Encoding.UTF8.GetString(letter.Message.Headers.GetLastBytes(DeadLetterHeaders.Reason)), StringComparison.Ordinal);
            Assert.Equal("scorer", Encoding.UTF8.GetString(letter.Message.Headers.GetLastBytes(DeadLetterHeaders.Stage)));
        }
    }

    /// <summary>A SageMaker-protocol endpoint that scores every record 1.0.</summary>
    static async Task<WebApplication> StartScoringEndpointAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/endpoints/{name}/invocations", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var count = body.RootElement.GetProperty("instances").GetArrayLength();
            return Results.Json(new { scores = Enumerable.Repeat(new { score = 1.0 }, count) });
        });
        await app.StartAsync().WaitAsync(Timeout);
        return app;
    }
}
