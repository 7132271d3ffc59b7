using System.Buffers;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>
/// The attribution of one invocation's records in pooled arrays. The forest fills <see cref="ShingledHigh"/> and
/// <see cref="ShingledLow"/> (one value per value of the shingled point); <see cref="FoldShingles"/> then adds the
/// shingle's positions of each feature up, so a record's answer has one high and one low part per input feature.
/// </summary>
public sealed class PooledAttribution : IDisposable
{
    private readonly int _records;
    private readonly int _featureDim;
    private readonly int _shingledDimensions;
    private double[] _high;
    private double[] _low;

    public PooledAttribution(int records, int featureDim, int shingledDimensions)
    {
        _records = records;
        _featureDim = featureDim;
        _shingledDimensions = shingledDimensions;
        _high = ArrayPool<double>.Shared.Rent(records * shingledDimensions);
        _low = ArrayPool<double>.Shared.Rent(records * shingledDimensions);
    }

    public Memory<double> ShingledHigh => _high.AsMemory(0, _records * _shingledDimensions);

    public Memory<double> ShingledLow => _low.AsMemory(0, _records * _shingledDimensions);

    public ReadOnlySpan<double> HighOf(int record) => _high.AsSpan(record * _featureDim, _featureDim);

    public ReadOnlySpan<double> LowOf(int record) => _low.AsSpan(record * _featureDim, _featureDim);

    /// <summary>Folds the shingled parts into per-feature parts, in place (a no-op without shingling).</summary>
    public void FoldShingles()
    {
        if (_shingledDimensions == _featureDim)
        {
            return;
        }

        Fold(_high);
        Fold(_low);
    }

    public void Dispose()
    {
        if (_high.Length > 0)
        {
            ArrayPool<double>.Shared.Return(_high);
            ArrayPool<double>.Shared.Return(_low);
            _high = [];
            _low = [];
        }
    }

    // Record r's folded parts land at r·featureDim, at or before where its shingled parts start, so records are folded
    // in order and each through a small buffer.
    private void Fold(double[] values)
    {
        Span<double> sums = _featureDim <= 64 ? stackalloc double[_featureDim] : new double[_featureDim];
        for (var record = 0; record < _records; record++)
        {
            sums.Clear();
            var shingled = values.AsSpan(record * _shingledDimensions, _shingledDimensions);
            for (var i = 0; i < shingled.Length; i++)
            {
                sums[i % _featureDim] += shingled[i];
            }

            sums.CopyTo(values.AsSpan(record * _featureDim, _featureDim));
        }
    }
}
