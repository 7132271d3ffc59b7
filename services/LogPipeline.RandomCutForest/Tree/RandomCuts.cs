namespace LogPipeline.RandomCutForest.Tree;

/// <summary>Draws a cut uniformly over the summed side lengths of a box merged with a point.</summary>
internal static class RandomCuts
{
    /// <param name="factor">Uniform draw in [0, 1).</param>
    /// <param name="mergedRange">Summed side lengths of the box merged with the point.</param>
    public static Cut Choose(
        double factor,
        double mergedRange,
        ReadOnlySpan<float> point,
        ReadOnlySpan<float> boxMin,
        ReadOnlySpan<float> boxMax)
    {
        if (mergedRange <= 0)
        {
            throw new InvalidOperationException("Cannot cut a box that is a single point equal to the new point.");
        }

        var breakPoint = factor * mergedRange;
        for (var i = 0; i < point.Length; i++)
        {
            var low = MathF.Min(boxMin[i], point[i]);
            var high = MathF.Max(boxMax[i], point[i]);
            var gap = (double)high - low;
            if (gap > 0 && breakPoint <= gap)
            {
                var value = (float)(low + breakPoint);
                // A cut must lie in [low, high) so that both sides are non-empty.
                return new Cut(i, value >= high ? MathF.BitDecrement(high) : value);
            }

            breakPoint -= gap;
        }

        // Reached only through rounding when the break point lands at the very end.
        for (var i = point.Length - 1; i >= 0; i--)
        {
            var low = MathF.Min(boxMin[i], point[i]);
            var high = MathF.Max(boxMax[i], point[i]);
            if (high > low)
            {
                return new Cut(i, MathF.BitDecrement(high));
            }
        }

        throw new InvalidOperationException("No dimension has a positive range.");
    }
}
