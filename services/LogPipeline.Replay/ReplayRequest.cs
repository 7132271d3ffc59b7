namespace LogPipeline.Replay;

/// <summary>Archived logs with <paramref name="From"/> &lt;= timestamp &lt; <paramref name="To"/> (epoch ms), at most <paramref name="RatePerSecond"/> logs a second.</summary>
public sealed record ReplayRequest(long From, long To, ReplayTarget Target, int RatePerSecond);
