namespace LogPipeline.RandomCutForest.Store;

internal static class PointEquality
{
    /// <summary>
    /// Value equality of two points of the same length. A plain loop: the generic
    /// SequenceEqual is not vectorised for float and costs a call per point here.
    /// </summary>
    public static bool Equal(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] != second[i])
            {
                return false;
            }
        }

        return true;
    }
}
