using LogPipeline.Contracts;

namespace LogPipeline.Archiver;

/// <summary>The <c>Pipeline:Archiver</c> section: the buffer (like Firehose's: size or time, whichever comes first) and uploads.</summary>
public sealed class ArchiverOptions
{
    public const string SectionName = "Pipeline:Archiver";

    /// <summary>S3's smallest part of a multipart upload (but the last).</summary>
    public const long MinimumPartSize = 5L * 1024 * 1024;

    public string ConsumerGroup { get; set; } = ConsumerGroups.Archiver;

    /// <summary>Bytes of <c>logs.scored</c> messages buffered before they are archived.</summary>
    public long BufferSize { get; set; } = 1024 * 1024;

    /// <summary>How long the first buffered message waits at most before the buffer is archived.</summary>
    public TimeSpan BufferInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages buffered at most, whatever their size.</summary>
    public int MaxBufferRecords { get; set; } = 100_000;

    /// <summary>Objects at least this large are uploaded in parts.</summary>
    public long MultipartThreshold { get; set; } = 16L * 1024 * 1024;

    /// <summary>Size of each part of a multipart upload (at least 5 MiB).</summary>
    public long PartSize { get; set; } = 8L * 1024 * 1024;
}
