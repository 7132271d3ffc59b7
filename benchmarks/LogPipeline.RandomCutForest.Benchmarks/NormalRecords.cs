namespace LogPipeline.RandomCutForest.Benchmarks;

internal static class NormalRecords
{
    public static float[] Create(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }

        return values;
    }
}
