using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogPipeline.RandomCutForest.Tree;

/// <summary>
/// Box arithmetic over (min, max) span pairs; boxes are stored flat in <see cref="NodeStore"/>.
/// Loops use SIMD vectors where the dimension allows, with a scalar tail.
/// </summary>
internal static class BoundingBox
{
    /// <summary>
    /// Probability that a random cut of the box merged with the point separates the point:
    /// the growth of the summed side lengths divided by the merged sum (AWS's
    /// <c>getProbabilityOfSeparation</c>). Zero when the point is inside the box.
    /// </summary>
    public static double ProbabilityOfSeparation(ReadOnlySpan<float> min, ReadOnlySpan<float> max, ReadOnlySpan<float> point)
    {
        var growth = Growth(min, max, point, out var range);
        return growth == 0.0 ? 0.0 : growth / (range + growth);
    }

    /// <summary>
    /// How much the summed side lengths grow when the point joins the box (0 when the box
    /// already contains it); <paramref name="range"/> receives the box's own summed side lengths.
    /// </summary>
    public static double Growth(ReadOnlySpan<float> min, ReadOnlySpan<float> max, ReadOnlySpan<float> point, out double range)
    {
        var growth = 0.0;
        range = 0.0;
        var i = 0;
        var length = point.Length;
        if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count && min.Length >= length && max.Length >= length)
        {
            ref var low = ref MemoryMarshal.GetReference(min);
            ref var high = ref MemoryMarshal.GetReference(max);
            ref var x = ref MemoryMarshal.GetReference(point);
            var growthLanes = Vector256<float>.Zero;
            var rangeLanes = Vector256<float>.Zero;
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var lowLanes = Vector256.LoadUnsafe(ref low, (nuint)i);
                var highLanes = Vector256.LoadUnsafe(ref high, (nuint)i);
                var xLanes = Vector256.LoadUnsafe(ref x, (nuint)i);
                growthLanes += Vector256.Max(lowLanes - xLanes, Vector256<float>.Zero) + Vector256.Max(xLanes - highLanes, Vector256<float>.Zero);
                rangeLanes += highLanes - lowLanes;
            }

            growth = Vector256.Sum(growthLanes);
            range = Vector256.Sum(rangeLanes);
        }

        for (; i < length; i++)
        {
            double low = min[i];
            double high = max[i];
            double x = point[i];
            range += high - low;
            // Branch-free: whether a point lies outside a box side is close to a coin flip.
            growth += double.MaxNative(low - x, 0.0) + double.MaxNative(x - high, 0.0);
        }

        return growth;
    }

    /// <summary>True when the point touches no face, so removing it cannot shrink the box.</summary>
    public static bool StrictlyContains(ReadOnlySpan<float> min, ReadOnlySpan<float> max, ReadOnlySpan<float> point)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && point.Length >= Vector<float>.Count)
        {
            for (; i <= point.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var x = new Vector<float>(point[i..]);
                if (!Vector.GreaterThanAll(x, new Vector<float>(min[i..])) || !Vector.LessThanAll(x, new Vector<float>(max[i..])))
                {
                    return false;
                }
            }
        }

        for (; i < point.Length; i++)
        {
            if (point[i] <= min[i] || point[i] >= max[i])
            {
                return false;
            }
        }

        return true;
    }

    public static void Extend(Span<float> min, Span<float> max, ReadOnlySpan<float> point) =>
        Merge(min, max, point, point, min, max);

    public static void Merge(
        ReadOnlySpan<float> firstMin,
        ReadOnlySpan<float> firstMax,
        ReadOnlySpan<float> secondMin,
        ReadOnlySpan<float> secondMax,
        Span<float> min,
        Span<float> max)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && min.Length >= Vector<float>.Count)
        {
            for (; i <= min.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Min(new Vector<float>(firstMin[i..]), new Vector<float>(secondMin[i..])).CopyTo(min[i..]);
                Vector.Max(new Vector<float>(firstMax[i..]), new Vector<float>(secondMax[i..])).CopyTo(max[i..]);
            }
        }

        for (; i < min.Length; i++)
        {
            min[i] = MathF.Min(firstMin[i], secondMin[i]);
            max[i] = MathF.Max(firstMax[i], secondMax[i]);
        }
    }
}
