using LogPipeline.Contracts;
using LogPipeline.Storage.Writing;

namespace LogPipeline.Testing;

/// <summary>Builds scored logs and batches with deterministic content.</summary>
public static class TestLogs
{
    static readonly string[] Levels = ["INFO", "INFO", "WARN", "ERROR", "DEBUG"];
    static readonly string[] Paths = ["/api/orders", "/api/users", "/login", "/health"];
    static readonly int[] Statuses = [200, 201, 302, 404, 500, 503];

    public static long Day(int day) => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day).ToUnixTimeMilliseconds();

    /// <summary>
    /// Midnight (UTC) <paramref name="days"/> days ago: for logs that go through the writer's parser, whose
    /// plausibility window (a year back by default) a fixed date would leave one day.
    /// </summary>
    public static long DaysAgo(int days) => new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-days).ToUnixTimeMilliseconds();

    public static ScoredLog Log(string id, long timestamp, int variant = 0, double score = 1.0, bool isAnomaly = false) => new(
        new LogRecord
        {
            LogIdentifier = id,
            Timestamp = timestamp,
            LogLevel = Levels[variant % Levels.Length],
            IpAddress = "10.0.0." + (variant % 250),
            UserId = "user-" + (variant % 17),
            Method = variant % 3 == 0 ? "POST" : "GET",
            Path = Paths[variant % Paths.Length],
            StatusCode = Statuses[variant % Statuses.Length],
            ResponseTime = 0.005 * (1 + (variant % 40)),
            Message = "request " + id,
            BytesSent = 100 + variant,
            Service = "web",
        },
        new ScoreVerdict
        {
            AnomalyScore = score,
            IsAnomaly = isAnomaly,
            Threshold = 3.0,
            ThresholdMode = ScoreVerdict.FixedMode,
            ScoredAt = timestamp + 50,
            Model = "rcf-local",
        });

    /// <summary>The same pending log with another request path.</summary>
    public static PendingLog WithPath(this PendingLog pending, string path) =>
        pending with { Scored = pending.Scored with { Log = pending.Scored.Log with { Path = path } } };

    /// <summary><paramref name="count"/> logs spread <paramref name="spacingMs"/> apart from <paramref name="start"/>, every seventh an anomaly.</summary>
    public static List<PendingLog> Batch(string prefix, long start, int count, long spacingMs, string topic = "logs.scored", int partition = 0, long firstOffset = 0)
    {
        var logs = new List<PendingLog>(count);
        for (var i = 0; i < count; i++)
        {
            var anomaly = i % 7 == 3;
            var log = Log($"{prefix}-{i:D5}", start + (i * spacingMs), i, anomaly ? 3.5 + (i % 5) : 0.8 + ((i % 10) / 10.0), anomaly);
            logs.Add(new PendingLog(log, new SourcePosition(topic, partition, firstOffset + i)));
        }

        return logs;
    }
}
