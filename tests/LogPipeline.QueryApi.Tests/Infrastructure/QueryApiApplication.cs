using System.Diagnostics.Metrics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LogPipeline.Storage.Writing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.QueryApi.Tests.Infrastructure;

/// <summary>
/// DynamoDB Local holding <see cref="Logs"/> (written by the real writer, so counters are real too) and the
/// Query API in front of it. One per test class.
/// </summary>
public class QueryApiApplication : DynamoDbLocal
{
    public const string ApiKey = "test-key-0123456789";

    /// <summary>6 hours of traffic across hour buckets and every shard, with equal timestamps and equal scores.</summary>
    public static readonly long SeedStart = TestLogs.Day(100) + (37 * 60_000);

    public List<PendingLog> Logs { get; } = [];

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Logs.AddRange(TestLogs.Batch("q", SeedStart, 480, 45_000));

        // Pairs sharing a timestamp (and, for anomalies, a score) test that pagination neither skips nor repeats ties.
        Logs.AddRange(TestLogs.Batch("tie", SeedStart + (90 * 60_000), 40, 0, firstOffset: 10_000));
        Logs.AddRange(TestLogs.Batch("recent", DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), 10, 1_000, partition: 1));
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var writer = new LogBatchWriter(Client, Options, new WriterMetrics(meters.GetRequiredService<IMeterFactory>()));
        await writer.WriteAsync(Logs, CancellationToken.None);
        Factory = CreateFactory(requireApiKey: false);
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A client of <paramref name="serviceUrl"/> that fails at once: no retries, a short timeout.</summary>
    static IAmazonDynamoDB Unreachable(Uri serviceUrl) =>
        new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(5),
        });

    /// <summary>The API over the seeded table; <paramref name="settings"/> are applied last (null removes a key).</summary>
    public WebApplicationFactory<Program> CreateFactory(
        bool? requireApiKey,
        string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null,
        Uri? unreachableDynamoDb = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("Pipeline:Storage:WriteShards", Options.WriteShards.ToString(CultureInfo.InvariantCulture));
            web.UseSetting("Pipeline:Storage:RetentionDays", Options.RetentionDays.ToString(CultureInfo.InvariantCulture));
            web.UseSetting("Pipeline:QueryApi:ApiKeys:0", ApiKey);
            web.UseSetting("Pipeline:QueryApi:CursorSecret", "tests");
            if (requireApiKey is { } required)
            {
                web.UseSetting("Pipeline:QueryApi:RequireApiKey", required ? "true" : "false");
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services => services.AddSingleton(unreachableDynamoDb is null ? CreateClient(ServiceUrl) : Unreachable(unreachableDynamoDb)));
        });
}
