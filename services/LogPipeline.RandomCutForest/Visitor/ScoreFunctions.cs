namespace LogPipeline.RandomCutForest.Visitor;

/// <summary>The default anomaly score functions of AWS's <c>CommonUtils</c>.</summary>
internal static class ScoreFunctions
{
    // Trees of up to this mass find log2(mass + 1) in a table instead of calling Log2 per score.
    private const int TabulatedMasses = 4096;
    private static readonly double[] Log2OfMassPlusOne = CreateLog2Table();

    /// <summary>Contribution when the scored point equals the leaf point (seen before).</summary>
    public static double ScoreSeen(int depth, int mass) => 1.0 / (depth + Math.Log2(mass + 1.0));

    /// <summary>Contribution of a node the scored point would be separated at.</summary>
    public static double ScoreUnseen(int depth, int mass) => 1.0 / (depth + 1.0);

    /// <summary>Damps the score of a point that makes up a large share of the sample.</summary>
    public static double Damp(int leafMass, int treeMass) => 1.0 - (leafMass / (2.0 * treeMass));

    /// <summary>Scales a tree's score by the expected depth of a sample of that mass.</summary>
    public static double Normalize(double score, int treeMass) =>
        score * ((uint)treeMass < TabulatedMasses ? Log2OfMassPlusOne[treeMass] : Math.Log2(treeMass + 1.0));

    private static double[] CreateLog2Table()
    {
        var table = new double[TabulatedMasses];
        for (var mass = 0; mass < table.Length; mass++)
        {
            table[mass] = Math.Log2(mass + 1.0);
        }

        return table;
    }
}
