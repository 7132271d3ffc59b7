namespace LogPipeline.RandomCutForest;

/// <summary>
/// An anomaly score split over the dimensions of the scored point (AWS's <c>DiVector</c>): <see cref="High"/>[i] is the
/// part due to the point lying above what the forest knows in dimension i, <see cref="Low"/>[i] below. All parts add
/// up to the score.
/// </summary>
public sealed class DiVector
{
    public DiVector(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        High = new double[dimensions];
        Low = new double[dimensions];
    }

    public double[] High { get; }

    public double[] Low { get; }

    public int Dimensions => High.Length;

    /// <summary>The score this attribution splits: every high and low part added up.</summary>
    public double Sum()
    {
        var sum = 0.0;
        for (var i = 0; i < High.Length; i++)
        {
            sum += High[i] + Low[i];
        }

        return sum;
    }

    /// <summary>Both sides of one dimension.</summary>
    public double Total(int dimension) => High[dimension] + Low[dimension];
}
