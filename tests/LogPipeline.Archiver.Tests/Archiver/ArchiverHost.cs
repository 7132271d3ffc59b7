using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogPipeline.Archiver.Tests.Archiver;

/// <summary>The archiver's own registrations (<c>AddArchiver</c>) in a host run by the test, on the embedded broker and s3rver.</summary>
sealed class ArchiverHost : IAsyncDisposable
{
    static readonly TimeSpan StartStopTimeout = TimeSpan.FromSeconds(30);

    readonly IHost _host;

    ArchiverHost(IHost host) => _host = host;

    public ArchiverWorker Worker => _host.Services.GetRequiredService<ArchiverWorker>();

    public ArchiverMetrics Metrics => _host.Services.GetRequiredService<ArchiverMetrics>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static Dictionary<string, string?> Settings(EmbeddedKafkaFixture kafka, Scenario scenario, long bufferSize, TimeSpan bufferInterval) => new()
    {
        ["ConnectionStrings:kafka"] = kafka.BootstrapServers,
        ["ConnectionStrings:archive"] = LocalS3.BucketName,
        ["Pipeline:Topics:Scored"] = scenario.Topic,
        ["Pipeline:Topics:DeadLetter"] = scenario.DeadLetterTopic,
        ["Pipeline:Archiver:ConsumerGroup"] = scenario.Group,
        ["Pipeline:Archiver:BufferSize"] = bufferSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pipeline:Archiver:BufferInterval"] = bufferInterval.ToString(),
        ["Pipeline:Consumer:RetryInitialDelay"] = "00:00:00.050",
        ["Pipeline:Consumer:RetryMaxDelay"] = "00:00:00.500",
        ["Aspire:Confluent:Kafka:Consumer:Config:topic.metadata.refresh.interval.ms"] = "500",
    };

    public static Task<ArchiverHost> StartAsync(EmbeddedKafkaFixture kafka, Scenario scenario, long bufferSize, TimeSpan bufferInterval) =>
        StartAsync(Settings(kafka, scenario, bufferSize, bufferInterval));

    public static async Task<ArchiverHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddArchiver();
        var host = builder.Build();
        await host.StartAsync().WaitAsync(StartStopTimeout);
        return new ArchiverHost(host);
    }

    /// <summary>Stops the archiver as a shutdown does: whatever it was doing is cancelled, nothing more is committed.</summary>
    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(StartStopTimeout);
        await _host.StopAsync(stopping.Token).WaitAsync(StartStopTimeout);
        _host.Dispose();
    }
}

/// <summary>A test's own topics and consumer group, and the scored logs it sent.</summary>
sealed class Scenario(EmbeddedKafkaFixture kafka, int partitions = 3)
{
    public string Topic { get; } = kafka.NewTopic(partitions);

    public string DeadLetterTopic { get; } = kafka.NewTopic(1);

    public string Group { get; } = "archiver-" + Guid.NewGuid().ToString("N")[..8];

    public int Partitions { get; } = partitions;

    public List<string> SentIds { get; } = [];

    public int SentMessages { get; private set; }

    /// <summary>
    /// Produces <paramref name="count"/> scored logs as the scorer does (JSON, keyed by id), their event times spread over
    /// the three hours before the last full hour, and waits for the broker to have them all.
    /// </summary>
    public void ProduceLogs(int count, string prefix)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-4).ToUnixTimeMilliseconds();
        using var producer = kafka.CreateProducer();
        for (var i = 0; i < count; i++)
        {
            var log = TestLogs.Log($"{prefix}-{i:D6}", start + (i * (3 * 3_600_000L / count)), i, 0.7 + (i % 9 / 10.0), i % 13 == 0);
            Produce(producer, log.LogIdentifier, JsonSerializer.SerializeToUtf8Bytes(log, ContractsJsonContext.Default.ScoredLog));
            SentIds.Add(log.LogIdentifier);
        }

        Flush(producer);
    }

    /// <summary>Produces raw values that are not scored logs.</summary>
    public void ProducePoison(params byte[][] values)
    {
        using var producer = kafka.CreateProducer();
        foreach (var value in values)
        {
            Produce(producer, "poison", value);
        }

        Flush(producer);
    }

    public long Committed() => kafka.CommittedCount(Topic, Group, Partitions);

    void Produce(IProducer<byte[]?, byte[]?> producer, string key, byte[] value)
    {
        producer.Produce(Topic, new Message<byte[]?, byte[]?> { Key = System.Text.Encoding.UTF8.GetBytes(key), Value = value });
        SentMessages++;
    }

    static void Flush(IProducer<byte[]?, byte[]?> producer)
    {
        if (producer.Flush(TimeSpan.FromSeconds(30)) > 0)
        {
            throw new TimeoutException("Scored logs were not delivered within 30 s.");
        }
    }
}
