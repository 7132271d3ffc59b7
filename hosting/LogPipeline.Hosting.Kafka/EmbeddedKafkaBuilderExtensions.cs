using Aspire.Hosting.ApplicationModel;
using LogPipeline.Hosting.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>Adds Kafka to the app model, as Aspire.Hosting.Kafka would, without a container engine.</summary>
public static class EmbeddedKafkaBuilderExtensions
{
    public const string BrokerDownCommand = "broker-down";
    public const string BrokerUpCommand = "broker-up";

    /// <summary>
    /// Kafka named <paramref name="name"/>: librdkafka's mock cluster inside the app host process, or the cluster in
    /// the app host's <c>ConnectionStrings:{name}</c> when given. Published, a parameter <c>{name}-bootstrap-servers</c>.
    /// Dashboard commands take the embedded broker down and bring it back.
    /// </summary>
    public static IResourceBuilder<EmbeddedKafkaResource> AddEmbeddedKafka(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        if (builder.ExecutionContext.IsPublishMode)
        {
            var parameter = builder.AddParameter($"{name}-bootstrap-servers");
            return builder.AddResource(new EmbeddedKafkaResource(name) { PublishedBootstrapServers = parameter.Resource });
        }

        var external = builder.Configuration.GetConnectionString(name);
        var resource = new EmbeddedKafkaResource(name) { ExternalBootstrapServers = string.IsNullOrWhiteSpace(external) ? null : external };
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new EmbeddedKafkaHealthCheck(resource), HealthStatus.Unhealthy, tags: null));

        var kafka = builder.AddResource(resource)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = resource.IsEmbedded ? "Kafka (embedded)" : "Kafka (external)",
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .WithHealthCheck(healthCheckKey)
            .OnInitializeResource(StartAsync);

        return resource.IsEmbedded
            ? kafka
                .WithCommand(BrokerDownCommand, "Take broker down", context => SetBrokerAsync(resource, up: false), new CommandOptions
                {
                    Description = "Disconnects the embedded broker and refuses connections, as a broker outage would.",
                    IconName = "PlugDisconnected",
                    UpdateState = context => resource.Cluster is { IsDown: false } ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
                })
                .WithCommand(BrokerUpCommand, "Bring broker up", context => SetBrokerAsync(resource, up: true), new CommandOptions
                {
                    Description = "Brings the embedded broker back.",
                    IconName = "PlugConnected",
                    UpdateState = context => resource.Cluster is { IsDown: true } ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
                })
            : kafka;
    }

    /// <summary>A topic the embedded cluster creates at start (an external cluster keeps its own topics).</summary>
    public static IResourceBuilder<EmbeddedKafkaResource> WithTopic(this IResourceBuilder<EmbeddedKafkaResource> builder, string topic, int partitions)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        builder.Resource.Topics.Add(new EmbeddedKafkaTopic(topic, partitions));
        return builder;
    }

    static async Task StartAsync(EmbeddedKafkaResource resource, InitializeResourceEvent @event, CancellationToken cancellationToken)
    {
        var notifications = @event.Notifications;
        if (!resource.IsEmbedded)
        {
            @event.Logger.LogInformation("Using the external Kafka cluster {BootstrapServers}", resource.ExternalBootstrapServers);
            await @event.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, @event.Services), cancellationToken).ConfigureAwait(false);
            await notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow }).ConfigureAwait(false);
            return;
        }

        await notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Starting }).ConfigureAwait(false);
        var cluster = EmbeddedKafkaCluster.Start();
        foreach (var topic in resource.Topics)
        {
            cluster.CreateTopic(topic.Name, topic.Partitions);
        }

        resource.Started(cluster);
        @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(cluster.Dispose);
        @event.Logger.LogInformation(
            "Embedded Kafka (librdkafka {Version} mock cluster) listening on {BootstrapServers}; topics: {Topics}",
            Confluent.Kafka.Library.VersionString, cluster.BootstrapServers, string.Join(", ", resource.Topics.Select(t => $"{t.Name} ({t.Partitions} partitions)")));

        await @event.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, @event.Services), cancellationToken).ConfigureAwait(false);
        await notifications.PublishUpdateAsync(resource, s => s with
        {
            State = KnownResourceStates.Running,
            StartTimeStamp = DateTime.UtcNow,
            Properties = [.. s.Properties, new ResourcePropertySnapshot("kafka.bootstrap", cluster.BootstrapServers), new ResourcePropertySnapshot("kafka.version", Confluent.Kafka.Library.VersionString)],
        }).ConfigureAwait(false);
    }

    static Task<ExecuteCommandResult> SetBrokerAsync(EmbeddedKafkaResource resource, bool up)
    {
        if (resource.Cluster is not { } cluster)
        {
            return Task.FromResult(CommandResults.Failure("The embedded broker is not running."));
        }

        if (up)
        {
            cluster.SetBrokerUp();
        }
        else
        {
            cluster.SetBrokerDown();
        }

        return Task.FromResult(CommandResults.Success());
    }
}
