using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace LogPipeline.RcfEndpoint.Tests.Infrastructure;

/// <summary>
/// The built endpoint app in its own process, started as SageMaker starts a container (<c>serve</c>) on a free
/// loopback port of Kestrel, serving the articles' endpoint with a model of its own (5 features, default forest, seeded).
/// </summary>
public sealed partial class RcfEndpointProcess : IAsyncLifetime
{
    public const string Endpoint = "rcf-anomaly-endpoint";

    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "LogPipeline.RcfEndpoint.dll"),
                "serve",
                "--urls", "http://127.0.0.1:0",
                $"--Pipeline:Rcf:Models:{Endpoint}:FeatureDim=5",
                $"--Pipeline:Rcf:Models:{Endpoint}:Seed=2024",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            Record(e.Data);
            if (e.Data is not null && ListeningPattern().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The endpoint exited early. Output:\n{Output}"));
        _process.EnableRaisingEvents = true;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The endpoint did not report a listening address. Output:\n{Output}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        await ProcessChecks.KillTreeAsync(_process, TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Record(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [GeneratedRegex("Now listening on: (?<url>http://\\S+)")]
    private static partial Regex ListeningPattern();
}
