using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Aspire.Hosting.ApplicationModel;
using LogPipeline.Archive;
using LogPipeline.Hosting.S3Local;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace LogPipeline.Testing;

/// <summary>
/// s3rver (the server the app host's S3 resource runs, installed on first use by <see cref="S3LocalInstaller"/>) on a
/// free loopback port, objects in a temporary folder, with one bucket. It sets the process's AWS variables
/// (<c>AWS_ENDPOINT_URL_S3</c>, region, s3rver's credentials) as the app host sets a service's, so code under test
/// builds its S3 client as in production: use one per test collection.
/// </summary>
public class LocalS3 : IAsyncLifetime
{
    public const string BucketName = "archive-tests";

    static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    readonly TemporaryDirectory _data = new("logpipeline-s3-");
    Process? _process;

    public Uri ServiceUrl { get; private set; } = null!;

    public IAmazonS3 Client { get; private set; } = null!;

    public ArchiveBucket Bucket { get; private set; } = null!;

    /// <summary>The variables a service referencing the bucket gets from the app host.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        var script = await S3LocalInstaller.EnsureInstalledAsync(NullLogger.Instance, CancellationToken.None).WaitAsync(InstallTimeout);
        var port = LoopbackPort.Free();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--directory", _data.Path, "--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
                "--no-vhost-buckets", "--silent", "--configure-bucket", BucketName,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_S3"] = ServiceUrl.ToString().TrimEnd('/'),
            [ArchiveClient.ForcePathStyleVariable] = "true",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = S3LocalResource.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = S3LocalResource.SecretAccessKey,
        };
        foreach (var (name, value) in Environment)
        {
            System.Environment.SetEnvironmentVariable(name, value);
        }

        Client = ArchiveClient.Create(forcePathStyle: true);
        Bucket = new ArchiveBucket(Client, BucketName);
        await Eventually.TrueAsync(AnswersAsync, StartTimeout, $"s3rver answers on {ServiceUrl} with bucket {BucketName}");
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is not null)
        {
            await ProcessChecks.KillTreeAsync(_process, StopTimeout);
            _process.Dispose();
        }

        _data.Dispose();
    }

    /// <summary>The keys of the objects archived under the last day's hours, in key order.</summary>
    public async Task<List<ArchiveObjectKey>> ArchivedKeysAsync()
    {
        var keys = new List<ArchiveObjectKey>();
        await foreach (var key in Bucket.ListAsync(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddHours(1)).WithCancellation(CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }

    async Task<bool> AnswersAsync()
    {
        if (_process!.HasExited)
        {
            throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}.");
        }

        try
        {
            await Client.ListObjectsV2Async(new() { BucketName = BucketName, MaxKeys = 1 }).WaitAsync(StartTimeout);
            return true;
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException)
        {
            return false;
        }
    }
}
