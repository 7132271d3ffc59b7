using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LogPipeline.Testing;

namespace LogPipeline.DetectionEvaluator;

/// <summary>The generator's control API, as the evaluator uses it: request bursts, watch them go out, pause.</summary>
public sealed class GeneratorControl(HttpClient http) : IDisposable
{
    static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Requests a burst and waits until the generator has made every record of it.</summary>
    public async Task<BurstWindow> BurstAsync(string kind, int count, CancellationToken cancellationToken)
    {
        var requestedAt = Now();
        using (var response = await http.PostAsJsonAsync("/control/burst", new JsonObject { ["kind"] = kind, ["count"] = count }, cancellationToken))
        {
            await ExpectSuccessAsync(response, $"a burst of {count} {kind}", cancellationToken);
        }

        await Eventually.UntilAsync(
            async ct => await PendingAsync(kind, ct),
            pending => pending == 0,
            SendTimeout,
            $"the generator has made the {count} {kind} records",
            pending => $"{pending} to make",
            PollInterval);
        return new BurstWindow(kind, count, requestedAt, Now());
    }

    /// <summary>Stops the generator's traffic (rate 0): nothing more is sent after this returns.</summary>
    public async Task PauseAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/control/rate", new JsonObject { ["perSecond"] = 0 }, cancellationToken);
        await ExpectSuccessAsync(response, "pausing", cancellationToken);
    }

    /// <summary>Records the broker acknowledged so far, and the rate in force.</summary>
    public async Task<(long Produced, double Rate)> StatusAsync(CancellationToken cancellationToken)
    {
        var status = await http.GetFromJsonAsync<JsonObject>("/control/status", cancellationToken)
            ?? throw new InvalidOperationException("The generator's status was empty.");
        return (status["producedTotal"]!.GetValue<long>(), status["ratePerSecond"]!.GetValue<double>());
    }

    public void Dispose() => http.Dispose();

    async Task<long> PendingAsync(string kind, CancellationToken cancellationToken)
    {
        var status = await http.GetFromJsonAsync<JsonObject>("/control/status", cancellationToken);
        return status!["pendingBursts"]![kind]!.GetValue<long>();
    }

    static async Task ExpectSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The generator answered {(int)response.StatusCode} to {what}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
