using LogPipeline.Testing;

namespace LogPipeline.Dashboard.Tests;

/// <summary>The app host as users run it, stopped with Ctrl+C.</summary>
public class CtrlCTests
{
    [Fact]
    public async Task CtrlCStopsEveryProcessTheAppHostStarted()
    {
        await using var appHost = AppHostProcess.Start("--Pipeline:Generator:RatePerSecond=5");
        using var timeout = new CancellationTokenSource(AppHostProcess.StartTimeout);
        var children = await appHost.WaitUntilHealthyAsync(timeout.Token).WaitAsync(AppHostProcess.StartTimeout);
        Assert.True(children.Count >= 6, $"expected a process per service and DynamoDB Local, found {children.Count}:\n{appHost.Output}");

        appHost.Interrupt();
        await appHost.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, appHost.ExitCode);

        // The orchestrator stops the resources as the app host exits; give it its shutdown time, no more.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var survivors = children.Where(ProcessChecks.IsAlive).ToArray();
        while (survivors.Length > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            survivors = children.Where(ProcessChecks.IsAlive).ToArray();
        }

        Assert.True(survivors.Length == 0, $"still running after Ctrl+C: {string.Join(", ", survivors)}\n{appHost.Output}");
    }
}
