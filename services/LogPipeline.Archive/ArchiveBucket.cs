using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using LogPipeline.Contracts;

namespace LogPipeline.Archive;

/// <summary>
/// The archive's bucket, for reading: the objects of a range of hours, the object that starts at a partition's offset,
/// and the logs of an object, streamed.
/// </summary>
public sealed class ArchiveBucket(IAmazonS3 s3, string bucketName)
{
    /// <summary>The configuration's connection name whose connection string is the bucket's name (<c>ConnectionStrings:archive</c>).</summary>
    public const string ConnectionName = "archive";

    /// <summary>Objects up to this size are read in memory; larger ones through a temporary file.</summary>
    const long InMemoryLimit = 64L * 1024 * 1024;

    public string Name { get; } = bucketName;

    public IAmazonS3 Client { get; } = s3;

    /// <summary>
    /// Every archived object whose hour prefix lies in <paramref name="fromHour"/>..<paramref name="toHour"/> (both
    /// included), hour by hour, in key order. An object's hour is its first log's; it also holds logs of the following
    /// minutes (up to the archiver's buffer interval), so a reader of an event-time range widens it by an hour on
    /// the left and filters on <c>timestamp</c>.
    /// </summary>
    public async IAsyncEnumerable<ArchiveObjectKey> ListAsync(DateTime fromHour, DateTime toHour, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var hour = ArchiveObjectKey.TruncateToHour(fromHour); hour <= toHour; hour = hour.AddHours(1))
        {
            await foreach (var key in ListPrefixAsync(ArchiveObjectKey.HourPrefix(hour), cancellationToken).ConfigureAwait(false))
            {
                yield return key;
            }
        }
    }

    /// <summary>
    /// The object of <paramref name="topic"/>'s <paramref name="partition"/> filed under <paramref name="hour"/> that
    /// starts at <paramref name="firstOffset"/>, if there is one (the one reaching furthest if several do).
    /// </summary>
    public async Task<ArchiveObjectKey?> FindRunAsync(DateTime hour, string topic, int partition, long firstOffset, CancellationToken cancellationToken)
    {
        ArchiveObjectKey? found = null;
        await foreach (var key in ListPrefixAsync(ArchiveObjectKey.RunPrefix(hour, topic, partition, firstOffset), cancellationToken).ConfigureAwait(false))
        {
            if (key.Topic == topic && key.Partition == partition && key.FirstOffset == firstOffset && (found is null || key.LastOffset > found.Value.LastOffset))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>The logs of one object, one row group in memory at a time.</summary>
    public async IAsyncEnumerable<ScoredLog> ReadAsync(ArchiveObjectKey key, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var response = await Client.GetObjectAsync(Name, key.ToString(), cancellationToken).ConfigureAwait(false);
        await using var local = response.ContentLength > InMemoryLimit
            ? new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous)
            : (Stream)new MemoryStream(checked((int)Math.Max(response.ContentLength, 0)));
        await response.ResponseStream.CopyToAsync(local, cancellationToken).ConfigureAwait(false);
        local.Position = 0;
        await foreach (var log in ArchiveReader.ReadAsync(local, cancellationToken).ConfigureAwait(false))
        {
            yield return log;
        }
    }

    async IAsyncEnumerable<ArchiveObjectKey> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = Name, Prefix = prefix };
        do
        {
            var page = await Client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                if (ArchiveObjectKey.TryParse(item.Key, out var key))
                {
                    yield return key.Value;
                }
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }
}
