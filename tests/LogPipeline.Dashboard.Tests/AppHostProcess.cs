using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogPipeline.Testing;

namespace LogPipeline.Dashboard.Tests;

/// <summary>
/// The app host as users run it: its own process with the real Aspire dashboard, on free loopback ports, stopped
/// with Ctrl+C (SIGINT). The console output is kept for failure messages and for the dashboard's login link.
/// </summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public static readonly string[] Resources = ["dynamodb", "generator", "kafka", "pipeline", "queryapi", "rcf", "scorer", "writer"];

    readonly Process _process;
    readonly StringBuilder _output = new();
    readonly TaskCompletionSource<Uri> _login = new(TaskCreationOptions.RunContinuationsAsynchronously);

    AppHostProcess(Process process, Uri resourceList)
    {
        _process = process;
        ResourceList = resourceList;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri ResourceList { get; }

    /// <summary>The dashboard's login link with its token, as the console prints it.</summary>
    public Task<Uri> LoginUrl => _login.Task;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppHostProcess Start(params string[] args)
    {
        var appHost = AppHostAssembly();
        var resourceList = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(appHost)!,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
                ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
                ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            },
        };
        foreach (var arg in (string[])[appHost, "--Ports:Fixed=false", $"--ResourceList:Url={resourceList}", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        return new AppHostProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), resourceList);
    }

    /// <summary>Waits until every resource is Running and Healthy; returns the process ids of the resources that have one.</summary>
    public async Task<IReadOnlyList<int>> WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = ResourceList, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The app host exited:\n" + Output);
            }

            try
            {
                using var json = JsonDocument.Parse(await client.GetStringAsync("/api/resources", cancellationToken));
                var resources = json.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
                if (Resources.All(name => resources.TryGetValue(name, out var r) && r.GetProperty("health").GetString() == "Healthy"))
                {
                    return resources.Values
                        .Where(r => r.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number)
                        .Select(r => r.GetProperty("processId").GetInt32())
                        .ToArray();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Ctrl+C, as a terminal sends it.</summary>
    public void Interrupt()
    {
        ProcessSignals.Send(_process.Id, ProcessSignals.Interrupt);
    }

    /// <summary>Waits for the app host to exit; on a timeout the exception carries the end of its console output.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            var lines = Output.Split('\n');
            throw new TimeoutException(
                $"The app host had not exited after {timeout.TotalSeconds:0} s; its last output:\n{string.Join('\n', lines[Math.Max(0, lines.Length - 80)..])}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Interrupt();
            try
            {
                await WaitForExitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (LoginLink().Match(line) is { Success: true } match)
        {
            _login.TrySetResult(new Uri(match.Value));
        }
    }

    /// <summary>The app host built beside this test project, in the same configuration.</summary>
    static string AppHostAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "LogPipeline.AppHost", "bin", configuration, "net10.0", "LogPipeline.AppHost.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("LogPipeline.AppHost.dll was not found: build the solution first.");
    }

    [GeneratedRegex(@"http://[^\s]+/login\?t=[0-9a-f]+")]
    private static partial Regex LoginLink();
}
