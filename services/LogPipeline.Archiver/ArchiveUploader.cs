using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LogPipeline.Archive;
using Microsoft.Extensions.Options;

namespace LogPipeline.Archiver;

/// <summary>
/// Puts one object: in a single request, or for a large one in parts (S3 shows a multipart object only once it is
/// completed, so a reader never sees half of one; a failed upload is aborted so its parts are not kept). The body is
/// signed whole rather than streamed in aws-chunked encoding, which S3-compatible servers such as s3rver store verbatim;
/// the buffer is in memory anyway.
/// </summary>
public sealed partial class ArchiveUploader(ArchiveBucket bucket, IOptions<ArchiverOptions> options, ILogger<ArchiveUploader> logger)
{
    const string ContentType = "application/vnd.apache.parquet";

    readonly ArchiverOptions _options = options.Value;

    /// <summary>Uploads <paramref name="content"/> (from its start to its length) as <paramref name="key"/>; returns the number of parts (1 for a single request).</summary>
    public async Task<int> UploadAsync(string key, MemoryStream content, CancellationToken cancellationToken)
    {
        if (content.Length < _options.MultipartThreshold)
        {
            content.Position = 0;
            await bucket.Client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket.Name,
                Key = key,
                InputStream = content,
                AutoCloseStream = false,
                ContentType = ContentType,
                UseChunkEncoding = false,
            }, cancellationToken).ConfigureAwait(false);
            return 1;
        }

        var started = await bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket.Name, Key = key, ContentType = ContentType }, cancellationToken).ConfigureAwait(false);
        try
        {
            var buffer = content.GetBuffer();
            var parts = new List<PartETag>();
            for (long offset = 0; offset < content.Length; offset += _options.PartSize)
            {
                var size = (int)Math.Min(_options.PartSize, content.Length - offset);
                using var part = new MemoryStream(buffer, (int)offset, size, writable: false);
                var response = await bucket.Client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket.Name,
                    Key = key,
                    UploadId = started.UploadId,
                    PartNumber = parts.Count + 1,
                    PartSize = size,
                    InputStream = part,
                    UseChunkEncoding = false,
                }, cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(parts.Count + 1, response.ETag));
            }

            await bucket.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket.Name,
                Key = key,
                UploadId = started.UploadId,
                PartETags = parts,
            }, cancellationToken).ConfigureAwait(false);
            return parts.Count;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await AbortAsync(key, started.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await bucket.Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket.Name, Key = key, UploadId = uploadId }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException)
        {
            // A bucket lifecycle rule (AbortIncompleteMultipartUpload) removes what is left; the upload is retried.
            LogAbortFailed(logger, key, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aborting the failed multipart upload of {Key} failed too: {Error}")]
    static partial void LogAbortFailed(ILogger logger, string key, string error);
}
