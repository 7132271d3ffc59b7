using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LogPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Storage.Tests.Infrastructure;

/// <summary>
/// Amazon's DynamoDB Local (installed by eng/install-dynamodb-local.sh) on a free port, in memory, with
/// LogPipeline's tables provisioned by <see cref="TableProvisioner"/>. One per test class.
/// </summary>
public class DynamoDbLocal : IAsyncLifetime
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    Process? _process;

    /// <summary>
    /// Four shards keep fan-out visible with little data. DynamoDB Local enforces TTL, so the retention is long
    /// enough that the fixed dates of the test data do not expire (and vanish) during a run.
    /// </summary>
    public StorageOptions Options { get; } = new() { WriteShards = 4, RetentionDays = 3650 };

    public Uri ServiceUrl { get; private set; } = null!;

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var jar = await InstallAsync();
        var port = FreePort();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("java")
        {
            ArgumentList =
            {
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                $"-Djava.library.path={Path.Combine(Path.GetDirectoryName(jar)!, "DynamoDBLocal_lib")}",
                "-jar", jar, "-inMemory", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start java");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Client = CreateClient(ServiceUrl);
        await WaitUntilUpAsync().WaitAsync(StartTimeout);
        await TableProvisioner.EnsureTablesAsync(Client, Options, NullLogger.Instance, CancellationToken.None).WaitAsync(StartTimeout);
    }

    public virtual Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    public static IAmazonDynamoDB CreateClient(Uri serviceUrl) =>
        new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
        });

    async Task WaitUntilUpAsync()
    {
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited with code {_process.ExitCode}");
            }

            try
            {
                await Client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest());
                return;
            }
            catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or SocketException)
            {
                await Task.Delay(100);
            }
        }
    }

    static async Task<string> InstallAsync()
    {
        var script = Path.Combine(RepoRoot(), "eng", "install-dynamodb-local.sh");
        var install = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await install.StandardOutput.ReadToEndAsync();
        await install.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var jar = output.Trim().Split('\n')[^1];
        return File.Exists(jar) ? jar : throw new InvalidOperationException($"install-dynamodb-local.sh did not produce a jar: {output}");
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "eng", "install-dynamodb-local.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (eng/install-dynamodb-local.sh) not found");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
