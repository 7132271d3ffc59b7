namespace LogPipeline.Generator.Generation;

/// <summary>
/// Turns elapsed time into a whole number of records so the long-run rate is exact: fractions carry over from one
/// tick to the next. At most one second of records accumulates, so a late tick catches up without a flood.
/// </summary>
public sealed class TokenBucket
{
    double _tokens;

    /// <summary>Adds <paramref name="elapsed"/> worth of tokens at <paramref name="ratePerSecond"/> and takes the whole ones.</summary>
    public int Take(double ratePerSecond, TimeSpan elapsed)
    {
        if (ratePerSecond <= 0)
        {
            _tokens = 0;
            return 0;
        }

        _tokens = Math.Min(_tokens + (ratePerSecond * elapsed.TotalSeconds), Math.Max(1, ratePerSecond));
        var whole = (int)_tokens;
        _tokens -= whole;
        return whole;
    }

    /// <summary>Gives back tokens that were taken but not used (the producer's queue was full).</summary>
    public void Return(int tokens) => _tokens += tokens;
}
