namespace LogPipeline.LoadHarness;

/// <summary>Wall-clock epoch milliseconds: every timestamp of a run (sent, scored, queryable, samples) is on it.</summary>
public static class Clock
{
    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
