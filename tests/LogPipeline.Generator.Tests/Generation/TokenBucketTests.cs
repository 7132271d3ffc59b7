using LogPipeline.Generator.Generation;

namespace LogPipeline.Generator.Tests.Generation;

public class TokenBucketTests
{
    static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(20)]
    [InlineData(7)]
    [InlineData(0.5)]
    [InlineData(333)]
    [InlineData(10_000)]
    public void LongRunRateIsExactWhatEverTheTickLength(double ratePerSecond)
    {
        var bucket = new TokenBucket();
        var taken = 0L;
        for (var i = 0; i < 20 * 60; i++)
        {
            taken += bucket.Take(ratePerSecond, Tick);
        }

        // One minute of ticks: exactly rate × 60, give or take the fraction still in the bucket.
        Assert.InRange(taken, Math.Floor(ratePerSecond * 60) - 1, ratePerSecond * 60);
    }

    [Fact]
    public void FractionsCarryOverBetweenTicks()
    {
        var bucket = new TokenBucket();

        Assert.Equal(0, bucket.Take(10, Tick)); // 0.5
        Assert.Equal(1, bucket.Take(10, Tick)); // 1.0
        Assert.Equal(0, bucket.Take(10, Tick)); // 0.5
        Assert.Equal(1, bucket.Take(10, Tick)); // 1.0
    }

    [Fact]
    public void ZeroRateTakesNothingAndForgetsWhatWasSaved()
    {
        var bucket = new TokenBucket();
        bucket.Take(10, Tick);

        Assert.Equal(0, bucket.Take(0, TimeSpan.FromSeconds(10)));
        Assert.Equal(0, bucket.Take(10, Tick));
    }

    [Fact]
    public void ALateTickCatchesUpAtMostOneSecond()
    {
        var bucket = new TokenBucket();

        Assert.Equal(100, bucket.Take(100, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void ReturnedTokensAreTakenAgainNextTick()
    {
        var bucket = new TokenBucket();
        var taken = bucket.Take(100, Tick);
        bucket.Return(taken);

        Assert.Equal(2 * taken, bucket.Take(100, Tick));
    }
}
