namespace LogPipeline.RandomCutForest.Tests.Support;

/// <summary>Seeded standard normal points (Box-Muller), laid out flat.</summary>
internal static class GaussianPoints
{
    public static float[] Create(int count, int dimensions, int seed, float offset = 0)
    {
        var random = new Random(seed);
        var values = new float[count * dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = offset + (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }

        return values;
    }

    public static ReadOnlySpan<float> Record(float[] values, int index, int dimensions) =>
        values.AsSpan(index * dimensions, dimensions);
}
