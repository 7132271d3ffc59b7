using System.Buffers.Binary;
using System.Text.Json;

namespace LogPipeline.QueryApi.Benchmarks.Dataset;

/// <summary>
/// What the data set holds and where each log sits: partition p covers the p-th slice of the time span, and the log
/// at (partition, offset) has a fixed timestamp and id — so seeding can resume after an interruption and the load
/// phase can name stored logs without reading them back. Kept as <c>dataset.json</c> beside the database.
/// </summary>
sealed record DatasetPlan(int Items, int Hours, int Partitions, int Seed, long StartMs, int Format = 1)
{
    public const string Topic = "benchmark";

    /// <summary>
    /// Raised when what is stored changes (format 2: path counters by route); older data sets are made anew. A
    /// dataset.json without the field is format 1.
    /// </summary>
    public const int CurrentFormat = 2;
    const string FileName = "dataset.json";

    public long EndMs => StartMs + SpanMs;

    long SpanMs => Hours * 3_600_000L;

    public int ItemsIn(int partition) => (Items / Partitions) + (partition < Items % Partitions ? 1 : 0);

    public long TimestampOf(int partition, long offset) =>
        StartMs + (SpanMs * partition / Partitions) + (SpanMs / Partitions * offset / ItemsIn(partition));

    /// <summary>A GUID v7 like the generator's: the event time in its first 48 bits, the rest a hash of the position.</summary>
    public string IdOf(int partition, long offset)
    {
        var hash = SplitMix64(((ulong)(uint)Seed << 48) ^ ((ulong)(uint)partition << 40) ^ (ulong)offset);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, ((ulong)TimestampOf(partition, offset) << 16) | (hash & 0xFFFF));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], SplitMix64(hash));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>
    /// The plan saved in <paramref name="directory"/>, or a new one (span ending at the current hour) for an empty
    /// directory. A data set made with other settings, or old enough for its TTL to expire, is deleted and made anew.
    /// </summary>
    public static DatasetPlan LoadOrCreate(string directory, HarnessOptions options, int retentionDays, TimeProvider clock, Action<string> log)
    {
        var path = Path.Combine(directory, FileName);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (File.Exists(path))
        {
            var saved = JsonSerializer.Deserialize<DatasetPlan>(File.ReadAllText(path));
            var expiresSoon = saved is not null && saved.StartMs + TimeSpan.FromDays(retentionDays - 1).TotalMilliseconds < now;
            if (saved is not null && !expiresSoon
                && (saved.Items, saved.Hours, saved.Partitions, saved.Seed, saved.Format) == (options.Items, options.Hours, options.Partitions, options.Seed, CurrentFormat))
            {
                return saved;
            }

            log(expiresSoon
                ? $"The data set in {directory} is near its {retentionDays}-day TTL; making it anew."
                : $"The data set in {directory} was made with other settings or an older format; making it anew.");
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var end = now - (now % 3_600_000L);
        var plan = new DatasetPlan(options.Items, options.Hours, options.Partitions, options.Seed, end - (options.Hours * 3_600_000L), CurrentFormat);
        File.WriteAllText(path, JsonSerializer.Serialize(plan));
        return plan;
    }

    static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
