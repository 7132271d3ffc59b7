using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using LogPipeline.Archive;

namespace LogPipeline.Archiver.Tests.Archiver;

/// <summary>
/// The README's Archive section, run as written: the real AWS CLI lists and copies what the archiver wrote to s3rver,
/// with only the README's environment (s3rver's credentials, a region) and its <c>--endpoint-url</c>; the copies are
/// read back as Parquet. Every CLI found is tried: the one first on PATH and Debian's (<c>apt-get install awscli</c>,
/// which <c>eng/prerequisites.sh</c> runs when there is none).
/// </summary>
[Collection(S3Collection.Name)]
public sealed class AwsCliTests(LocalS3 s3, EmbeddedKafkaFixture kafka, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<EmbeddedKafkaFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The README's <c>export</c> line: nothing else of the caller's AWS settings reaches the CLI.</summary>
    static readonly Dictionary<string, string> ReadmeEnvironment = new()
    {
        ["AWS_ACCESS_KEY_ID"] = S3LocalResource.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = S3LocalResource.SecretAccessKey,
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    public static TheoryData<string> Clis()
    {
        var found = new TheoryData<string>();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "aws"))
            .FirstOrDefault(File.Exists);
        foreach (var cli in new[] { onPath, "/usr/bin/aws" }.OfType<string>().Where(File.Exists).Distinct())
        {
            found.Add(cli);
        }

        if (found.Count == 0)
        {
            // eng/prerequisites.sh installs Debian's awscli: without any, the README's commands cannot be checked.
            found.Add("aws (not installed: run eng/prerequisites.sh)");
        }

        return found;
    }

    [Theory]
    [MemberData(nameof(Clis))]
    public async Task TheReadmesAwsS3LsAndCpListAndCopyEveryArchivedObjectAsReadableParquet(string cli)
    {
        var scenario = new Scenario(kafka, partitions: 2);
        scenario.ProduceLogs(600, "cli");
        await using (await ArchiverHost.StartAsync(kafka, scenario, bufferSize: 16 * 1024, TimeSpan.FromMilliseconds(500)))
        {
            await Eventually.HoldsAsync(scenario.Committed, c => c == scenario.SentMessages, Timeout, "every message is archived and committed");
        }

        var archived = (await s3.ArchivedKeysAsync()).Where(k => k.Topic == scenario.Topic).Select(k => k.ToString()).ToList();
        Assert.True(archived.Count >= 2, $"{archived.Count} objects");
        var endpoint = s3.ServiceUrl.ToString().TrimEnd('/');
        output.WriteLine($"{cli}: {(await RunAsync(cli, null, "--version")).Trim()}");

        // aws s3 ls --endpoint-url http://127.0.0.1:18090 s3://logpipeline-archive/ --recursive
        var listing = await RunAsync(cli, null, "s3", "ls", "--endpoint-url", endpoint, $"s3://{LocalS3.BucketName}/", "--recursive");
        var listed = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])
            .Where(key => ArchiveObjectKey.TryParse(key, out var parsed) && parsed.Value.Topic == scenario.Topic)
            .ToList();
        Assert.Equal(archived.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        // aws s3 cp --endpoint-url http://127.0.0.1:18090 s3://logpipeline-archive/ ./archive --recursive
        using var copy = new TemporaryDirectory("logpipeline-aws-cli-");
        await RunAsync(cli, copy.Path, "s3", "cp", "--endpoint-url", endpoint, $"s3://{LocalS3.BucketName}/", "./archive", "--recursive");
        // ... and one object on its own.
        await RunAsync(cli, copy.Path, "s3", "cp", "--endpoint-url", endpoint, $"s3://{LocalS3.BucketName}/{archived[0]}", "./one.parquet");

        var ids = new List<string>();
        foreach (var key in archived)
        {
            var file = Path.Combine(copy.Path, "archive", key);
            Assert.True(File.Exists(file), $"{key} was copied to {file}");
            await using var parquet = File.OpenRead(file);
            await foreach (var log in ArchiveReader.ReadAsync(parquet).WithCancellation(CancellationToken.None))
            {
                ids.Add(log.Log.LogIdentifier);
            }
        }

        Assert.Equal(scenario.SentIds.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        await using var one = File.OpenRead(Path.Combine(copy.Path, "one.parquet"));
        var first = new List<string>();
        await foreach (var log in ArchiveReader.ReadAsync(one).WithCancellation(CancellationToken.None))
        {
            first.Add(log.Log.LogIdentifier);
        }

        Assert.NotEmpty(first);
        Assert.Subset(scenario.SentIds.ToHashSet(), first.ToHashSet());
    }

    static async Task<string> RunAsync(string cli, string? directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in ReadmeEnvironment)
        {
            start.Environment[name] = value;
        }

        // No shared or user config either: only what the README sets.
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {cli}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        Assert.True(process.ExitCode == 0, $"{cli} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
