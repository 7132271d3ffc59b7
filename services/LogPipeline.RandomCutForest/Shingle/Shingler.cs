namespace LogPipeline.RandomCutForest.Shingle;

/// <summary>
/// Internal shingling: keeps the last <c>shingleSize</c> records so that a record can be
/// turned into the point "previous shingleSize-1 records followed by this one", oldest first.
/// </summary>
internal sealed class Shingler
{
    private readonly float[] _records;

    public Shingler(int dimensions, int shingleSize)
    {
        Dimensions = dimensions;
        ShingleSize = shingleSize;
        _records = new float[dimensions * shingleSize];
    }

    public int Dimensions { get; }

    public int ShingleSize { get; }

    public long RecordsSeen { get; private set; }

    /// <summary>The last <c>ShingleSize</c> records, oldest first (zeros where none was seen yet).</summary>
    public ReadOnlySpan<float> Records => _records;

    /// <summary>Writes the shingle this record would complete; false until enough records were seen.</summary>
    public bool TryBuild(ReadOnlySpan<float> record, Span<float> shingle)
    {
        if (RecordsSeen < ShingleSize - 1)
        {
            return false;
        }

        var previous = (ShingleSize - 1) * Dimensions;
        _records.AsSpan(Dimensions, previous).CopyTo(shingle);
        record.CopyTo(shingle[previous..]);
        return true;
    }

    public void Push(ReadOnlySpan<float> record)
    {
        var previous = (ShingleSize - 1) * Dimensions;
        _records.AsSpan(Dimensions, previous).CopyTo(_records);
        record.CopyTo(_records.AsSpan(previous));
        RecordsSeen++;
    }

    internal void Restore(ReadOnlySpan<float> records, long recordsSeen)
    {
        if (records.Length != _records.Length)
        {
            throw new ArgumentException($"A shingle buffer holds {_records.Length} values but the state has {records.Length}.");
        }

        records.CopyTo(_records);
        RecordsSeen = recordsSeen;
    }
}
