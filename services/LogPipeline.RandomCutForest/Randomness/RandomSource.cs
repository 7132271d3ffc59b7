namespace LogPipeline.RandomCutForest.Randomness;

/// <summary>
/// xoshiro256** generator. Used instead of <see cref="System.Random"/> because its
/// state can be read and restored, which snapshots need to stay bit-identical.
/// </summary>
internal sealed class RandomSource
{
    private const double DoubleUnit = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public RandomSource(long seed)
    {
        var splitMix = unchecked((ulong)seed);
        _s0 = NextSplitMix(ref splitMix);
        _s1 = NextSplitMix(ref splitMix);
        _s2 = NextSplitMix(ref splitMix);
        _s3 = NextSplitMix(ref splitMix);
    }

    private RandomSource(ReadOnlySpan<ulong> state)
    {
        if (state.Length != 4)
        {
            throw new ArgumentException("A random source state has exactly four words.", nameof(state));
        }

        if ((state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("A random source state cannot be all zero.", nameof(state));
        }

        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    public static RandomSource FromState(ReadOnlySpan<ulong> state) => new(state);

    public ulong[] GetState() => [_s0, _s1, _s2, _s3];

    public ulong NextUInt64()
    {
        var result = BitRotate(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 45);
        return result;
    }

    public long NextInt64() => unchecked((long)NextUInt64());

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    private static ulong BitRotate(ulong value, int shift) => (value << shift) | (value >> (64 - shift));

    private static ulong NextSplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
