using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace LogPipeline.AppHost.Tests;

/// <summary>The AppHost as users run it: a process of its own, stopped with Ctrl+C (SIGINT).</summary>
public class AppHostProcessTests
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task CtrlCStopsEveryProcessTheAppHostStarted()
    {
        var port = FreePort();
        var appHost = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appHost, $"--Dashboard:Url=http://127.0.0.1:{port}", "--AppHost:EchoConsole=false", "--Pipeline:Generator:RatePerSecond=5" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(appHost)!,
        };
        using var process = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var children = new List<int>();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + StartTimeout;
            while (children.Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the app did not become healthy in time:\n" + output);
                Assert.False(process.HasExited, "the AppHost exited:\n" + output);
                children.AddRange(await HealthyProcessIdsAsync(client));
                await Task.Delay(500);
            }

            Assert.True(children.Count >= 6, $"expected a process per service and DynamoDB Local, found {children.Count}");
            Assert.Equal(0, SendSignal(process.Id, SigInt));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, process.ExitCode);
        var survivors = children.Where(IsAlive).ToArray();
        Assert.True(survivors.Length == 0, $"still running after Ctrl+C: {string.Join(", ", survivors)}\n{output}");
    }

    /// <summary>The process ids of all resources once every one is healthy; none before.</summary>
    static async Task<IReadOnlyList<int>> HealthyProcessIdsAsync(HttpClient client)
    {
        try
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/resources"));
            var resources = json.RootElement.GetProperty("resources").EnumerateArray().ToArray();
            if (resources.Length == 0 || resources.Any(r => r.GetProperty("health").GetString() != "Healthy"))
            {
                return [];
            }

            return resources
                .Where(r => r.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number)
                .Select(r => r.GetProperty("processId").GetInt32())
                .ToArray();
        }
        catch (HttpRequestException)
        {
            return [];
        }
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

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    const int SigInt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SendSignal(int pid, int signal);
}
