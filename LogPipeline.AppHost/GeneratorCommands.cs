using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.AppHost;

/// <summary>The generator's control API as dashboard commands: inject an anomaly burst, pause, resume.</summary>
static class GeneratorCommands
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    static readonly (string Name, string DisplayName, string Kind, string Icon)[] Bursts =
    [
        ("latency-spike", "Inject latency spike", "latency_spike", "Timer"),
        ("error-burst", "Inject 5xx burst", "error_burst", "ErrorCircle"),
        ("path-scan", "Inject path scan", "path_scan", "SearchVisual"),
        ("unusual-client", "Inject unusual client", "unusual_ip", "PersonQuestionMark"),
    ];

    public static IResourceBuilder<ProjectResource> WithGeneratorCommands(this IResourceBuilder<ProjectResource> builder, int burstSize = 50)
    {
        var endpoint = builder.GetEndpoint("http");
        foreach (var (name, displayName, kind, icon) in Bursts)
        {
            builder.WithCommand(name, displayName,
                context => PostAsync(endpoint, "/control/burst", new { kind, count = burstSize }, context.CancellationToken),
                new CommandOptions { Description = $"Sends {burstSize} records of kind {kind} promptly.", IconName = icon, UpdateState = RunningOnly });
        }

        var rate = builder.ApplicationBuilder.Configuration.GetValue("Pipeline:Generator:RatePerSecond", 20.0);
        builder.WithCommand("pause", "Pause traffic",
            context => PostAsync(endpoint, "/control/rate", new { perSecond = 0 }, context.CancellationToken),
            new CommandOptions { Description = "Sets the rate of normal traffic to 0.", IconName = "Pause", UpdateState = RunningOnly });
        builder.WithCommand("resume", "Resume traffic",
            context => PostAsync(endpoint, "/control/rate", new { perSecond = rate }, context.CancellationToken),
            new CommandOptions { Description = $"Sets the rate back to {rate} logs/s.", IconName = "Play", UpdateState = RunningOnly });
        builder.WithCommand("rate-x10", "Rate × 10",
            context => PostAsync(endpoint, "/control/rate", new { perSecond = rate * 10 }, context.CancellationToken),
            new CommandOptions { Description = $"Sets the rate to {rate * 10} logs/s.", IconName = "TopSpeed", UpdateState = RunningOnly });
        return builder;
    }

    static ResourceCommandState RunningOnly(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    static async Task<ExecuteCommandResult> PostAsync(EndpointReference endpoint, string path, object body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.PostAsJsonAsync(new Uri(new Uri(endpoint.Url), path), body, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? CommandResults.Success()
                : CommandResults.Failure($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
        catch (HttpRequestException ex)
        {
            return CommandResults.Failure(ex.Message);
        }
    }
}
