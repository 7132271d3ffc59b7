using System.Security.Cryptography;
using LogPipeline.Archive;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LogPipeline.Archiver.Tests.Archiver;

[Collection(S3Collection.Name)]
public sealed class ArchiveUploaderTests(LocalS3 s3)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ALargeObjectIsUploadedInPartsAndReadsBackByteForByte()
    {
        var uploader = new ArchiveUploader(s3.Bucket, Options.Create(new ArchiverOptions { MultipartThreshold = ArchiverOptions.MinimumPartSize, PartSize = ArchiverOptions.MinimumPartSize }), NullLogger<ArchiveUploader>.Instance);
        var bytes = RandomNumberGenerator.GetBytes((int)(2.5 * ArchiverOptions.MinimumPartSize));
        using var content = new MemoryStream();
        content.Write(bytes);
        var key = $"uploader-tests/{Guid.NewGuid():N}.bin";

        var parts = await uploader.UploadAsync(key, content, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(3, parts);
        using var response = await s3.Client.GetObjectAsync(LocalS3.BucketName, key).WaitAsync(Timeout);
        using var read = new MemoryStream();
        await response.ResponseStream.CopyToAsync(read).WaitAsync(Timeout);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(read.ToArray()));
    }

    [Fact]
    public async Task ASmallObjectIsOnePutThatOverwritesTheSameKey()
    {
        var uploader = new ArchiveUploader(s3.Bucket, Options.Create(new ArchiverOptions()), NullLogger<ArchiveUploader>.Instance);
        var key = $"uploader-tests/{Guid.NewGuid():N}.bin";
        using var first = new MemoryStream([1, 2, 3]);
        using var second = new MemoryStream([4, 5]);

        Assert.Equal(1, await uploader.UploadAsync(key, first, CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(1, await uploader.UploadAsync(key, second, CancellationToken.None).WaitAsync(Timeout));

        using var response = await s3.Client.GetObjectAsync(LocalS3.BucketName, key).WaitAsync(Timeout);
        using var read = new MemoryStream();
        await response.ResponseStream.CopyToAsync(read).WaitAsync(Timeout);
        Assert.Equal([4, 5], read.ToArray());
    }

    [Fact]
    public async Task TheRunStartingAtAnOffsetIsFoundByItsPrefixAndAnObjectReadsBack()
    {
        var hour = ArchiveObjectKey.TruncateToHour(DateTime.UtcNow.AddHours(-2));
        var topic = "find-" + Guid.NewGuid().ToString("N")[..6];
        var logs = Enumerable.Range(0, 10).Select(i => TestLogs.Log($"find-{i}", new DateTimeOffset(hour).ToUnixTimeMilliseconds() + i)).ToList();
        using var file = new MemoryStream();
        await new ArchiveWriter().WriteAsync(logs, file, CancellationToken.None).WaitAsync(Timeout);
        var uploader = new ArchiveUploader(s3.Bucket, Options.Create(new ArchiverOptions()), NullLogger<ArchiveUploader>.Instance);
        var key = new ArchiveObjectKey(hour, topic, 2, 100, 109);
        await uploader.UploadAsync(key.ToString(), file, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(key, await s3.Bucket.FindRunAsync(hour, topic, 2, 100, CancellationToken.None).WaitAsync(Timeout));
        Assert.Null(await s3.Bucket.FindRunAsync(hour, topic, 2, 10, CancellationToken.None).WaitAsync(Timeout));
        Assert.Null(await s3.Bucket.FindRunAsync(hour, topic, 1, 100, CancellationToken.None).WaitAsync(Timeout));
        Assert.Contains(key, await s3.ArchivedKeysAsync());
        Assert.Equal(logs.Select(l => l.LogIdentifier), await s3.Bucket.ReadAsync(key).Select(l => l.LogIdentifier).ToListAsync());
    }
}
