namespace LogPipeline.RandomCutForest.Tree;

/// <summary>An axis-aligned cut: points with <c>x[Dimension] &lt;= Value</c> go left.</summary>
internal readonly record struct Cut(int Dimension, float Value)
{
    /// <summary>True when the cut puts <paramref name="point"/> on one side and the whole box on the other.</summary>
    public bool Separates(ReadOnlySpan<float> point, ReadOnlySpan<float> boxMin, ReadOnlySpan<float> boxMax)
    {
        var x = point[Dimension];
        return (x <= Value && Value < boxMin[Dimension]) || (x > Value && Value >= boxMax[Dimension]);
    }
}
