using System.Globalization;

namespace LogPipeline.Storage;

/// <summary>How index partition keys are derived, shared by the writer and the readers.</summary>
public static class WriteSharding
{
    /// <summary>A stable shard for a log id (FNV-1a; string.GetHashCode is randomised per process).</summary>
    public static int ShardOf(string logId, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in logId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }

    public static long BucketStart(long timestampMs, long bucketMs) => timestampMs - Mod(timestampMs, bucketMs);

    public static string TimeShardKey(long bucketStartMs, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{MinuteLabel(bucketStartMs)}#{shard}");

    public static string AnomalyShardKey(int shard) => shard.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>2026-11-21T13:05Z</c>: sorts lexicographically in time order.</summary>
    public static string MinuteLabel(long timestampMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    static long Mod(long value, long divisor)
    {
        var remainder = value % divisor;
        return remainder < 0 ? remainder + divisor : remainder;
    }
}
