using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LogPipeline.Hosting.DynamoDBLocal;
using LogPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace LogPipeline.Testing;

/// <summary>
/// Amazon's DynamoDB Local (the jar the app host's DynamoDB Local resource uses, installed on first use) on a free
/// loopback port, in memory, with LogPipeline's tables provisioned by <see cref="TableProvisioner"/>. One per test class.
/// </summary>
public class DynamoDbLocal : IAsyncLifetime
{
    static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    // Generous: java starts slowly on a busy 2-core CI machine.
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    Process? _process;
    Exception? _lastStartError;

    /// <summary>
    /// Four shards keep fan-out visible with little data. DynamoDB Local enforces TTL, so the retention is long
    /// enough that the fixed dates of the test data do not expire (and vanish) during a run.
    /// </summary>
    public StorageOptions Options { get; } = new() { WriteShards = 4, RetentionDays = 3650 };

    public Uri ServiceUrl { get; private set; } = null!;

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var jar = await DynamoDBLocalInstaller.EnsureInstalledAsync(NullLogger.Instance, CancellationToken.None).WaitAsync(InstallTimeout);
        var port = LoopbackPort.Free();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("java")
        {
            ArgumentList =
            {
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                $"-Djava.library.path={DynamoDBLocalInstaller.NativeLibraryDirectory}",
                "-jar", jar, "-inMemory", "-sharedDb", "-port", port.ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start java.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Client = CreateClient(ServiceUrl);
        try
        {
            await Eventually.HoldsAsync(AnswersAsync, answers => answers, StartTimeout, $"DynamoDB Local answers on {ServiceUrl}");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} (last error: {_lastStartError?.Message})", _lastStartError);
        }
        await TableProvisioner.EnsureTablesAsync(Client, Options, NullLogger.Instance, CancellationToken.None).WaitAsync(StartTimeout);
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is not null)
        {
            await ProcessChecks.KillTreeAsync(_process, StopTimeout);
            _process.Dispose();
        }
    }

    public static IAmazonDynamoDB CreateClient(Uri serviceUrl) =>
        new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
        });

    async Task<bool> AnswersAsync()
    {
        if (_process!.HasExited)
        {
            throw new InvalidOperationException($"DynamoDB Local exited with code {_process.ExitCode}.");
        }

        try
        {
            await Client.ListTablesAsync(new ListTablesRequest()).WaitAsync(StartTimeout);
            return true;
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException)
        {
            _lastStartError = ex;
            return false;
        }
    }
}
