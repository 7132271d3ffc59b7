using LogPipeline.Contracts;
using Parquet;

namespace LogPipeline.Archive;

/// <summary>Writes scored logs as one Parquet file (Zstandard-compressed columns) to a seekable stream.</summary>
public sealed class ArchiveWriter
{
    /// <summary>Rows per row group: a reader holds one row group's columns at a time.</summary>
    public const int RowGroupSize = 50_000;

    static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Zstd };

    readonly ArchivedLogColumns _columns = new();

    /// <summary>Writes <paramref name="logs"/> to <paramref name="destination"/>, which stays open.</summary>
    public async Task WriteAsync(IReadOnlyList<ScoredLog> logs, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logs);
        await using var writer = await ParquetWriter.CreateAsync(ArchivedLogColumns.Schema, destination, Options, cancellationToken: cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < logs.Count; start += RowGroupSize)
        {
            _columns.Load(logs, start, Math.Min(RowGroupSize, logs.Count - start));
            using var group = writer.CreateRowGroup();
            await _columns.WriteAsync(group, cancellationToken).ConfigureAwait(false);
        }
    }
}
