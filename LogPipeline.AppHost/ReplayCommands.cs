using System.Net.Http.Json;

namespace LogPipeline.AppHost;

/// <summary>Replays of the archive as the Query API's dashboard commands (<c>POST /api/replay</c> with the run's key); progress at <c>GET /api/replay/{id}</c>.</summary>
static class ReplayCommands
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static IResourceBuilder<ProjectResource> WithReplayCommands(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ParameterResource> key)
    {
        var endpoint = builder.GetEndpoint("http");
        builder.WithCommand("replay-rescore-hour", "Re-score the last hour",
            context => StartAsync(endpoint, key, "raw", TimeSpan.FromHours(1), context.CancellationToken),
            new CommandOptions { Description = "Replays the last hour of the archive into logs.raw: the scorer scores it again with the current model.", IconName = "ArrowRepeatAll", UpdateState = RunningOnly });
        builder.WithCommand("replay-restore-day", "Restore the last day",
            context => StartAsync(endpoint, key, "store", TimeSpan.FromDays(1), context.CancellationToken),
            new CommandOptions { Description = "Restores the last day of the archive into DynamoDB (logs the table lacks).", IconName = "ArrowDownload", UpdateState = RunningOnly });
        return builder;
    }

    static ResourceCommandState RunningOnly(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    static async Task<ExecuteCommandResult> StartAsync(EndpointReference endpoint, IResourceBuilder<ParameterResource> key, string target, TimeSpan span, CancellationToken cancellationToken)
    {
        try
        {
            var to = DateTimeOffset.UtcNow;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(endpoint.Url), "/api/replay"))
            {
                Content = JsonContent.Create(new { from = to.Add(-span).ToString("O"), to = to.ToString("O"), target }),
            };
            request.Headers.Add("X-Api-Key", await key.Resource.GetValueAsync(cancellationToken).ConfigureAwait(false));
            using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? CommandResults.Success()
                : CommandResults.Failure($"{(int)response.StatusCode}: {body}");
        }
        catch (HttpRequestException ex)
        {
            return CommandResults.Failure(ex.Message);
        }
    }
}
