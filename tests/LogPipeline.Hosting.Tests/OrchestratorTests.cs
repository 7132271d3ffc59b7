using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LogPipeline.Hosting;
using LogPipeline.Hosting.Orchestration;

namespace LogPipeline.Hosting.Tests;

public class OrchestratorTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    static IDistributedApplicationBuilder Builder() =>
        DistributedApplication.CreateBuilder(["--AppHost:EchoConsole=false", "--Dashboard:Url=http://127.0.0.1:0"]);

    [Fact]
    public async Task AResourceStartsOnlyAfterTheOneItWaitsForIsHealthy()
    {
        var builder = Builder();
        var marker = Path.Combine(Path.GetTempPath(), "ready-" + Guid.NewGuid().ToString("N"));
        // "slow" becomes healthy only once its marker file exists, which it creates after a moment.
        var slow = builder.AddExecutable("slow", "/bin/sh", "/", "-c", $"sleep 1; touch {marker}; exec sleep 60")
            .WithAnnotation(new ApplicationModel.HealthProbeAnnotation(_ => Task.FromResult(File.Exists(marker))));
        builder.AddExecutable("dependant", "/bin/sh", "/", "-c", $"test -f {marker} && echo saw-marker; exec sleep 60").WaitFor(slow);

        await using var app = builder.Build();
        await app.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("dependant", timeout.Token);
        await WaitUntil(() => app.ResourceLogs.Tail("dependant", 10).Any(l => l.Text == "saw-marker"));
        await app.StopAsync();
        File.Delete(marker);
    }

    [Fact]
    public async Task StoppingTheAppStopsEveryChildProcess()
    {
        var builder = Builder();
        builder.AddExecutable("sleeper", "/bin/sh", "/", "-c", "echo started; exec sleep 300");
        builder.AddExecutable("stubborn", "/bin/sh", "/", "-c", "trap '' TERM; echo started; while true; do sleep 1; done");

        var app = builder.Build();
        await app.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var pids = new List<int>();
        foreach (var name in new[] { "sleeper", "stubborn" })
        {
            var snapshot = await app.ResourceNotifications.WaitForAsync(name, s => s.State == ResourceState.Running, timeout.Token);
            pids.Add(snapshot.ProcessId!.Value);
        }

        await WaitUntil(() => app.ResourceLogs.Tail("stubborn", 5).Any(l => l.Text == "started"));
        await app.StopAsync();
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("sleeper")!.State);
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("stubborn")!.State);
        await app.DisposeAsync();

        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"process {pid} is still running"));
    }

    [Fact]
    public async Task TheDashboardServesResourcesLogsAndCommands()
    {
        var builder = Builder();
        builder.AddExecutable("echoer", "/bin/sh", "/", "-c", "echo hello from echoer; exec sleep 300");
        await using var app = builder.Build();
        await app.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("echoer", timeout.Token);
        using var client = new HttpClient { BaseAddress = app.DashboardUrl };

        using var resources = JsonDocument.Parse(await client.GetStringAsync("/api/resources"));
        var echoer = resources.RootElement.GetProperty("resources")[0];
        Assert.Equal("echoer", echoer.GetProperty("name").GetString());
        Assert.Equal("Running", echoer.GetProperty("state").GetString());

        await WaitUntil(() => app.ResourceLogs.Tail("echoer", 5).Count > 0);
        using var logs = JsonDocument.Parse(await client.GetStringAsync("/api/resources/echoer/logs"));
        Assert.Contains(logs.RootElement.GetProperty("lines").EnumerateArray(), l => l.GetProperty("text").GetString() == "hello from echoer");

        var page = await client.GetStringAsync("/");
        Assert.Contains("<title>LogPipeline", page, StringComparison.Ordinal);

        using var stop = await client.PostAsync("/api/resources/echoer/stop", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, stop.StatusCode);
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("echoer")!.State);

        using var restart = await client.PostAsync("/api/resources/echoer/start", null);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("echoer", timeout.Token);
        Assert.Equal(1, app.ResourceNotifications.Get("echoer")!.Restarts);

        using var unknown = await client.PostAsync("/api/resources/echoer/explode", null);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task AProcessThatCannotStartIsReportedAsFailed()
    {
        var builder = Builder();
        builder.AddExecutable("missing", "/nonexistent/program", "/");
        await using var app = builder.Build();
        await app.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var snapshot = await app.ResourceNotifications.WaitForAsync("missing", s => s.State == ResourceState.FailedToStart, timeout.Token);
        Assert.NotNull(snapshot.Message);
        await app.StopAsync();
    }

    [Fact]
    public async Task APausedResourceIsFrozenUntilResumedAndStillStopsGracefully()
    {
        var builder = Builder();
        builder.AddExecutable("ticker", "/bin/sh", "/", "-c", "trap 'echo got-term; exit 0' TERM; while true; do echo tick; sleep 0.1; done");
        await using var app = builder.Build();
        await app.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var pid = (await app.ResourceNotifications.WaitForAsync("ticker", s => s.State == ResourceState.Running, timeout.Token)).ProcessId!.Value;
        await WaitUntil(() => app.ResourceLogs.Tail("ticker", 5).Any(l => l.Text == "tick"));

        await app.Orchestrator.PauseResourceAsync("ticker");
        Assert.Equal('T', ProcessState(pid));
        var paused = app.ResourceNotifications.Get("ticker")!;
        Assert.Equal((ResourceState.Running, Orchestrator.PausedMessage), (paused.State, paused.Message));
        await app.Orchestrator.PauseResourceAsync("ticker");
        Assert.Equal('T', ProcessState(pid));

        await app.Orchestrator.ResumeResourceAsync("ticker");
        Assert.NotEqual('T', ProcessState(pid));
        Assert.Null(app.ResourceNotifications.Get("ticker")!.Message);
        var ticks = TickCount(app);
        await WaitUntil(() => TickCount(app) > ticks);

        // Stopping a paused process still lets it handle SIGTERM, well within the grace period.
        await app.Orchestrator.PauseResourceAsync("ticker");
        var stopping = Stopwatch.StartNew();
        await app.Orchestrator.StopResourceAsync("ticker");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopping.Elapsed}");
        await WaitUntil(() => app.ResourceLogs.Tail("ticker", 5).Any(l => l.Text == "got-term"));
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("ticker")!.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Orchestrator.PauseResourceAsync("ticker"));
        await app.StopAsync();

        static int TickCount(DistributedApplication app) => app.ResourceLogs.Tail("ticker", 10_000).Count(l => l.Text == "tick");
    }

    /// <summary>The state letter of /proc/{pid}/stat: T when stopped by a signal.</summary>
    static char ProcessState(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
