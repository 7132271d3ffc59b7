using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Confluent.Kafka;
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
/// The scorer as a whole (embedded Kafka in and out, a SageMaker-protocol endpoint on loopback that answers with the
/// attribution extension): anomalies reach logs.scored with their explanation, normal logs without one.
/// </summary>
public sealed class ScorerExplanationTests(EmbeddedKafkaFixture kafka) : IClassFixture<EmbeddedKafkaFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AnAnomalyIsScoredWithItsExplanationAndNormalLogsWithoutOne()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var raw = kafka.NewTopic();
        var scored = kafka.NewTopic(1);
        var dlq = kafka.NewTopic(1);
        using (var producer = kafka.CreateProducer())
        {
            for (var i = 0; i < 40; i++)
            {
                var seconds = i == 30 ? "30" : "0.05";
                var log = $$"""{"log_identifier":"log-{{i:D2}}","timestamp":{{now + i}},"log_level":"INFO","ip_address":"10.0.0.1","method":"GET","path":"/products/{{i}}","status_code":200,"response_time":{{seconds}}}""";
                producer.Produce(raw, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes($"log-{i:D2}"), Value = Encoding.UTF8.GetBytes(log) });
            }

            producer.Flush(Timeout);
        }

        var attributesAsked = 0;
        await using var endpoint = await StartAttributingEndpointAsync(() => Interlocked.Increment(ref attributesAsked));
        await using var scorer = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:kafka", kafka.BootstrapServers);
            web.UseSetting("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", endpoint.Urls.First());
            web.UseSetting("AWS_REGION", "us-east-1");
            web.UseSetting("Pipeline:Topics:Raw", raw);
            web.UseSetting("Pipeline:Topics:Scored", scored);
            web.UseSetting("Pipeline:Topics:DeadLetter", dlq);
            web.UseSetting("Pipeline:Scorer:ConsumerGroup", "scorer-" + Guid.NewGuid().ToString("N"));
            web.UseSetting("Pipeline:Scorer:BatchSize", "10");
            web.ConfigureTestServices(services => services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("local", "local")));
        });
        using var client = scorer.CreateClient();
        var worker = scorer.Services.GetRequiredService<ScoringWorker>();
        await Eventually.TrueAsync(() => worker.CommittedMessages >= 40, Timeout, "the scorer committed all 40 logs");

        var messages = kafka.ConsumeAll(scored, 40, Timeout).Select(m => JsonDocument.Parse(m.Message.Value).RootElement).ToList();
        var anomaly = Assert.Single(messages, m => m.GetProperty("is_anomaly").GetBoolean());
        Assert.Equal("log-30", anomaly.GetProperty("log_identifier").GetString());
        Assert.StartsWith("response time 30.0 s, ", anomaly.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.All(messages.Where(m => !m.GetProperty("is_anomaly").GetBoolean()), m => Assert.False(m.TryGetProperty("explanation", out _)));
        Assert.True(attributesAsked > 0);
    }

    /// <summary>
    /// A SageMaker-protocol endpoint that scores a record 1.7 plus its first feature (log10 of the response time over its
    /// route's usual: ~0 for 50 ms on a route that answers in 50 ms, ~2.8 for 30 s) and, when asked, attributes the whole
    /// score to that feature's high side.
    /// </summary>
    static async Task<WebApplication> StartAttributingEndpointAsync(Action attributionAsked)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/endpoints/{name}/invocations", async (HttpRequest request) =>
        {
            var attribute = request.Headers["X-Amzn-SageMaker-Custom-Attributes"].ToString() == "attribution=true";
            if (attribute)
            {
                attributionAsked();
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var scores = body.RootElement.GetProperty("instances").EnumerateArray().Select(instance =>
            {
                var features = instance.GetProperty("features").EnumerateArray().Select(f => f.GetDouble()).ToArray();
                var score = 1.7 + features[0];
                return attribute
                    ? (object)new { score, attribution = new { high = features.Select((_, i) => i == 0 ? score : 0.0), low = features.Select(_ => 0.0) } }
                    : new { score };
            }).ToList();
            return Results.Json(new { scores });
        });
        await app.StartAsync().WaitAsync(Timeout);
        return app;
    }
}
