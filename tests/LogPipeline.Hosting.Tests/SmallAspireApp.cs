using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using LogPipeline.Hosting.ResourceList;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Hosting.Tests;

/// <summary>
/// A small Aspire app run by DCP, started once for a test class: DynamoDB Local and the embedded Kafka (with a
/// topic), plus the resource list on a free loopback port. No dashboard.
/// </summary>
public sealed class SmallAspireApp : IAsyncLifetime
{
    public const string Topic = "orders";

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // This assembly (Aspire.AppHost.Sdk) carries DCP's location, as an app host's does.
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [$"--{ResourceListOptions.SectionName}:Url=http://127.0.0.1:0"],
            DisableDashboard = true,
            AssemblyName = typeof(SmallAspireApp).Assembly.FullName,
        });
        builder.AddDynamoDBLocal("dynamodb");
        builder.AddEmbeddedKafka("kafka").WithTopic(Topic, partitions: 2);
        builder.AddResourceList();

        App = builder.Build();
        await App.StartAsync().WaitAsync(Timeout);
        using var healthy = new CancellationTokenSource(Timeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("kafka", healthy.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("dynamodb", healthy.Token);
    }

    public Task<Uri> ResourceListAddressAsync() => App.Services.GetRequiredService<ResourceListServer>().Address.WaitAsync(Timeout);

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync().WaitAsync(Timeout);
            await App.DisposeAsync().AsTask().WaitAsync(Timeout);
        }
    }
}
