using System.Buffers;
using System.Globalization;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary><c>text/csv</c>: one record per line, values separated by commas, no header, blank lines ignored.</summary>
static class CsvRecordsParser
{
    private const NumberStyles ValueStyle = NumberStyles.Float;

    public static bool TryParse(in ReadOnlySequence<byte> body, FeatureBatch batch, out string? error)
    {
        var lines = new SequenceReader<byte>(body);
        var lineNumber = 0;
        while (!lines.End)
        {
            lineNumber++;
            if (!lines.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                line = lines.UnreadSequence;
                lines.AdvanceToEnd();
            }

            if (line.IsSingleSegment)
            {
                if (!TryParseLine(line.FirstSpan, lineNumber, batch, out error))
                {
                    return false;
                }

                continue;
            }

            // A line that straddles two buffer segments is copied once; most lines are not.
            var copy = ArrayPool<byte>.Shared.Rent((int)line.Length);
            try
            {
                line.CopyTo(copy);
                if (!TryParseLine(copy.AsSpan(0, (int)line.Length), lineNumber, batch, out error))
                {
                    return false;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }

        error = null;
        return true;
    }

    private static bool TryParseLine(ReadOnlySpan<byte> line, int lineNumber, FeatureBatch batch, out string? error)
    {
        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty)
        {
            error = null;
            return true;
        }

        batch.BeginRecord();
        var position = 0;
        while (true)
        {
            position++;
            var comma = line.IndexOf((byte)',');
            var field = (comma < 0 ? line : line[..comma]).Trim(" \t"u8);
            if (!float.TryParse(field, ValueStyle, CultureInfo.InvariantCulture, out var value))
            {
                error = field.IsEmpty
                    ? $"Line {lineNumber}, value {position} is empty."
                    : $"Line {lineNumber}, value {position} is not a number.";
                return false;
            }

            if (!float.IsFinite(value))
            {
                error = $"Line {lineNumber}, value {position} is not a finite 32-bit float.";
                return false;
            }

            batch.Add(value);
            if (comma < 0)
            {
                break;
            }

            line = line[(comma + 1)..];
        }

        if (!FeatureCountCheck.TryEnd(batch, out error))
        {
            error = $"Line {lineNumber}: {error}";
            return false;
        }

        return true;
    }
}
