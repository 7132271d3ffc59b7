using System.Buffers;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>
/// The records of one request, laid out flat (record after record) in a pooled array, as
/// <c>RandomCutForest.ScoreBatch</c> takes them. Parsers write values straight into it.
/// </summary>
public sealed class FeatureBatch : IDisposable
{
    private float[] _values;
    private int _current;

    public FeatureBatch(int featureDim, int expectedRecords = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureDim, 1);
        FeatureDim = featureDim;
        _values = ArrayPool<float>.Shared.Rent(featureDim * Math.Max(1, expectedRecords));
    }

    public int FeatureDim { get; }

    public int RecordCount { get; private set; }

    /// <summary>1-based number of the record being read, for error messages.</summary>
    public int CurrentRecordNumber => RecordCount + 1;

    public ReadOnlyMemory<float> Values => _values.AsMemory(0, RecordCount * FeatureDim);

    public void BeginRecord()
    {
        _current = 0;
        var needed = (RecordCount + 1) * FeatureDim;
        if (needed > _values.Length)
        {
            var larger = ArrayPool<float>.Shared.Rent(Math.Max(needed, _values.Length * 2));
            _values.AsSpan(0, RecordCount * FeatureDim).CopyTo(larger);
            ArrayPool<float>.Shared.Return(_values);
            _values = larger;
        }
    }

    /// <summary>Adds the next feature of the current record; values past <see cref="FeatureDim"/> are only counted.</summary>
    public void Add(float value)
    {
        if (_current < FeatureDim)
        {
            _values[(RecordCount * FeatureDim) + _current] = value;
        }

        _current++;
    }

    /// <summary>Completes the current record; false (and the record dropped) when it had the wrong number of features.</summary>
    public bool TryEndRecord(out int featureCount)
    {
        featureCount = _current;
        if (_current != FeatureDim)
        {
            return false;
        }

        RecordCount++;
        return true;
    }

    public void Dispose()
    {
        if (_values.Length > 0)
        {
            ArrayPool<float>.Shared.Return(_values);
            _values = [];
        }
    }
}
