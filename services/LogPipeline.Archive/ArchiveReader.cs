using System.Runtime.CompilerServices;
using LogPipeline.Contracts;
using Parquet;

namespace LogPipeline.Archive;

/// <summary>Reads an archived Parquet file back, one row group in memory at a time.</summary>
public static class ArchiveReader
{
    /// <summary>The logs in <paramref name="source"/> (readable and seekable; left open), in the order they were written.</summary>
    public static async IAsyncEnumerable<ScoredLog> ReadAsync(Stream source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var reader = await ParquetReader.CreateAsync(source, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var columns = new ArchivedLogColumns();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            await columns.ReadAsync(group, cancellationToken).ConfigureAwait(false);
            for (var row = 0; row < columns.Count; row++)
            {
                yield return columns.Get(row);
            }
        }
    }
}
