using System.Net.Http.Json;
using LogPipeline.Contracts;
using LogPipeline.Generator.Api;

namespace LogPipeline.Generator.Tests.Infrastructure;

/// <summary>One embedded Kafka (with <c>logs.raw</c> in 4 partitions) and one generator for a test class.</summary>
public sealed class GeneratorFixture : IAsyncLifetime
{
    public const int RawPartitions = 4;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public EmbeddedKafkaFixture Kafka { get; private set; } = null!;

    public GeneratorApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Kafka = new EmbeddedKafkaFixture();
        Kafka.Cluster.CreateTopic(Topics.Raw, RawPartitions);
        App = new GeneratorApplication(Kafka.BootstrapServers);
        Client = App.CreateClient();
        return Task.CompletedTask;
    }

    /// <summary>A consumer of <c>logs.raw</c> that sees only what is produced from now on.</summary>
    public RawTopicReader ReadFromNow() => RawTopicReader.FromEnd(Kafka.BootstrapServers, Topics.Raw, RawPartitions);

    public async Task<GeneratorStatus> GetStatusAsync() =>
        (await Client.GetFromJsonAsync<GeneratorStatus>("/control/status").WaitAsync(Timeout))!;

    /// <summary>Polls <c>/control/status</c> until <paramref name="condition"/> holds.</summary>
    public Task<GeneratorStatus> WaitForStatusAsync(Func<GeneratorStatus, bool> condition) =>
        Eventually.HoldsAsync(GetStatusAsync, condition, Timeout, "the generator's status matches");

    public async Task SetRateAsync(double perSecond)
    {
        using var response = await Client.PostAsJsonAsync("/control/rate", new { perSecond }).WaitAsync(Timeout);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Kafka.Dispose();
    }
}
