using LogPipeline.RandomCutForest.Randomness;
using LogPipeline.RandomCutForest.Sampler;

namespace LogPipeline.RandomCutForest.Tests;

/// <summary>
/// The sampler skips ahead to its next acceptance instead of drawing a weight per point;
/// these tests hold it to the acceptance rates of drawing every weight.
/// </summary>
public sealed class CompactSamplerTests
{
    private const int SampleSize = 64;
    private const int Points = 4000;
    private const int Samplers = 200;

    [Fact]
    public void UniformSamplerAcceptsTheNthPointWithProbabilitySampleSizeOverN()
    {
        var accepted = 0;
        for (var seed = 0; seed < Samplers; seed++)
        {
            accepted += CountAcceptances(new CompactSampler(SampleSize, 0, 1.0, new RandomSource(seed)), firstCounted: 2001);
        }

        // Sum over n in (2000, 4000] of S / n is about S * ln 2 per sampler.
        var expected = Samplers * SampleSize * Math.Log(2.0);
        Assert.InRange(accepted, expected * 0.95, expected * 1.05);
    }

    [Theory]
    [InlineData(1.0 / 640)]
    [InlineData(1.0 / 64)]
    public void DecayedSamplerAcceptsAsOftenAsDrawingEveryWeight(double timeDecay)
    {
        var skipping = 0;
        var drawing = 0;
        for (var seed = 0; seed < Samplers; seed++)
        {
            skipping += CountAcceptances(new CompactSampler(SampleSize, timeDecay, 1.0, new RandomSource(seed)), firstCounted: 1001);
            drawing += CountAcceptancesDrawingEveryWeight(timeDecay, new Random(seed), firstCounted: 1001);
        }

        Assert.InRange(skipping, drawing * 0.95, drawing * 1.05);
    }

    [Fact]
    public void EvictsTheLargestWeight()
    {
        var sampler = new CompactSampler(4, 0, 1.0, new RandomSource(3));
        for (var s = 1; s <= 4; s++)
        {
            Assert.True(sampler.AcceptPoint(s, out _, out _));
            sampler.AddPoint(s);
        }

        var largest = sampler.Weights.ToArray().Max();
        var sequence = 5L;
        int evicted;
        while (!sampler.AcceptPoint(sequence, out evicted, out _))
        {
            sequence++;
        }

        sampler.AddPoint((int)sequence);
        Assert.DoesNotContain(largest, sampler.Weights.ToArray());
        Assert.DoesNotContain(evicted, sampler.PointIndexes.ToArray());
        Assert.Equal(4, sampler.Size);
    }

    private static int CountAcceptances(CompactSampler sampler, int firstCounted)
    {
        var accepted = 0;
        for (var s = 1; s <= Points; s++)
        {
            if (sampler.AcceptPoint(s, out _, out _))
            {
                sampler.AddPoint(s);
                accepted += s >= firstCounted ? 1 : 0;
            }
        }

        return accepted;
    }

    /// <summary>Reference: AWS's rule with a weight drawn for every point.</summary>
    private static int CountAcceptancesDrawingEveryWeight(double timeDecay, Random random, int firstCounted)
    {
        var heap = new PriorityQueue<double, double>();
        var accepted = 0;
        for (var s = 1; s <= Points; s++)
        {
            var weight = (-s * timeDecay) + Math.Log(-Math.Log(1.0 - random.NextDouble()));
            if (heap.Count < SampleSize)
            {
                heap.Enqueue(weight, -weight);
            }
            else if (weight < heap.Peek())
            {
                heap.DequeueEnqueue(weight, -weight);
                accepted += s >= firstCounted ? 1 : 0;
            }
        }

        return accepted;
    }
}
