namespace LogPipeline.Generator.Traffic;

static class RandomDistributions
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double NextStandardNormal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: the logarithm stays finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal draw with the given median and sigma of the logarithm.</summary>
    public static double NextLogNormal(this Random random, double median, double sigma) =>
        median * Math.Exp(sigma * random.NextStandardNormal());

    public static double NextDouble(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}
