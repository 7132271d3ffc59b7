using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LogPipeline.Archive;

/// <summary>
/// Where one archived run of a Kafka partition lives in the bucket:
/// <c>year=YYYY/month=MM/day=DD/hour=HH/{topic}-{partition}-{firstOffset}-{lastOffset}.parquet</c>, numbers
/// zero-padded so that keys sort by offset. The key is a function of the records it holds (the hour of the run's first
/// stored log, the topic, the partition and the offsets it covers), so archiving the same run again overwrites the
/// object instead of adding a copy, and the object that starts at a given offset can be found by a prefix listing.
/// </summary>
public readonly record struct ArchiveObjectKey(DateTime Hour, string Topic, int Partition, long FirstOffset, long LastOffset)
{
    public const string Extension = ".parquet";

    const int PartitionDigits = 4;
    const int OffsetDigits = 19;

    /// <summary>The first hour of the run's first stored log, in UTC (minutes and below cut off).</summary>
    public DateTime Hour { get; } = TruncateToHour(Hour);

    public static DateTime TruncateToHour(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>The hour an event in epoch milliseconds belongs to.</summary>
    public static DateTime HourOf(long epochMilliseconds) => TruncateToHour(DateTime.UnixEpoch.AddMilliseconds(epochMilliseconds));

    /// <summary><c>year=YYYY/month=MM/day=DD/hour=HH/</c>: every object of <paramref name="hour"/>.</summary>
    public static string HourPrefix(DateTime hour)
    {
        var h = TruncateToHour(hour);
        return string.Create(CultureInfo.InvariantCulture, $"year={h.Year:D4}/month={h.Month:D2}/day={h.Day:D2}/hour={h.Hour:D2}/");
    }

    /// <summary>The prefix shared by every object of <paramref name="topic"/>'s <paramref name="partition"/> in <paramref name="hour"/> that starts at <paramref name="firstOffset"/>.</summary>
    public static string RunPrefix(DateTime hour, string topic, int partition, long firstOffset) =>
        string.Create(CultureInfo.InvariantCulture, $"{HourPrefix(hour)}{topic}-{partition.ToString("D" + PartitionDigits, CultureInfo.InvariantCulture)}-{firstOffset.ToString("D" + OffsetDigits, CultureInfo.InvariantCulture)}-");

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RunPrefix(Hour, Topic, Partition, FirstOffset)}{LastOffset.ToString("D" + OffsetDigits, CultureInfo.InvariantCulture)}{Extension}");

    /// <summary>Reads a key written by <see cref="ToString"/>; false for anything else found in the bucket.</summary>
    public static bool TryParse(string key, [NotNullWhen(true)] out ArchiveObjectKey? parsed)
    {
        parsed = null;
        var parts = key.Split('/');
        if (parts.Length != 5 || !parts[4].EndsWith(Extension, StringComparison.Ordinal)
            || !TryReadNumber(parts[0], "year=", 4, out var year) || !TryReadNumber(parts[1], "month=", 2, out var month)
            || !TryReadNumber(parts[2], "day=", 2, out var day) || !TryReadNumber(parts[3], "hour=", 2, out var hour)
            || month is < 1 or > 12 || hour > 23 || year < 1 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            return false;
        }

        // The topic may itself hold dashes: the last three fields are the numbers.
        var name = parts[4][..^Extension.Length];
        var last = name.LastIndexOf('-');
        var first = last > 0 ? name.LastIndexOf('-', last - 1) : -1;
        var partition = first > 0 ? name.LastIndexOf('-', first - 1) : -1;
        if (partition <= 0
            || !long.TryParse(name.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var lastOffset)
            || !long.TryParse(name.AsSpan(first + 1, last - first - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var firstOffset)
            || !int.TryParse(name.AsSpan(partition + 1, first - partition - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var partitionNumber)
            || lastOffset < firstOffset)
        {
            return false;
        }

        parsed = new ArchiveObjectKey(new DateTime((int)year, (int)month, (int)day, (int)hour, 0, 0, DateTimeKind.Utc), name[..partition], partitionNumber, firstOffset, lastOffset);
        return true;
    }

    static bool TryReadNumber(string segment, string label, int digits, out long value)
    {
        value = 0;
        return segment.Length == label.Length + digits && segment.StartsWith(label, StringComparison.Ordinal)
            && long.TryParse(segment.AsSpan(label.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
