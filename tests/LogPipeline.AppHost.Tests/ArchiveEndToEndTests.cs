using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LogPipeline.Archive;

namespace LogPipeline.AppHost.Tests;

public class ArchiveEndToEndTests(PipelineAppFixture fixture) : IClassFixture<PipelineAppFixture>
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ScoredLogsAreArchivedOnceUnderTheirHourPrefixWithinTheBufferInterval()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, 10).Select(i => $"archive-{run}-{i}").ToList();
        var logs = ids.Select((id, i) => RawLog.Json(id, now + i, user: "archive-user")).ToArray();
        using var generator = fixture.App.CreateHttpClient("generator");
        using var response = await generator.PostAsJsonAsync("/control/logs", logs);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var endpoint = fixture.App.GetEndpoint("s3", "http");
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(S3LocalResource.AccessKeyId, S3LocalResource.SecretAccessKey), new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
        });
        var bucket = new ArchiveBucket(s3, "logpipeline-archive");
        var found = new Dictionary<string, List<ArchiveObjectKey>>();
        var read = new HashSet<ArchiveObjectKey>();
        var hour = ArchiveObjectKey.HourOf(now);
        using var timeout = new CancellationTokenSource(Timeout);
        while (!ids.All(found.ContainsKey))
        {
            await foreach (var key in bucket.ListAsync(hour.AddHours(-1), hour.AddHours(1), timeout.Token))
            {
                if (!read.Add(key))
                {
                    continue;
                }

                var first = true;
                await foreach (var (log, verdict) in bucket.ReadAsync(key, timeout.Token))
                {
                    if (first)
                    {
                        Assert.Equal(ArchiveObjectKey.HourOf(log.Timestamp), key.Hour);
                        first = false;
                    }

                    if (log.LogIdentifier.StartsWith($"archive-{run}-", StringComparison.Ordinal))
                    {
                        // The verdict, not its value: a forest still warming up scores 0, and the app has just started.
                        Assert.True(verdict.ScoredAt >= now && verdict.Model.Length > 0, $"{log.LogIdentifier} is archived with its verdict");
                        found.TryAdd(log.LogIdentifier, []);
                        found[log.LogIdentifier].Add(key);
                    }
                }
            }

            await Task.Delay(500, timeout.Token);
        }

        Assert.All(ids, id => Assert.Single(found[id]));
    }
}
