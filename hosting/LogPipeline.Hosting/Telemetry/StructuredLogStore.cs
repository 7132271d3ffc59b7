namespace LogPipeline.Hosting.Telemetry;

/// <summary>The newest structured logs of every service, in a fixed-size ring.</summary>
public sealed class StructuredLogStore(TelemetryOptions options)
{
    readonly StructuredLogEntry?[] _ring = new StructuredLogEntry?[Math.Max(1, options.MaxLogs)];
    readonly Lock _lock = new();
    readonly HashSet<string> _services = new(StringComparer.Ordinal);
    long _sequence;

    /// <summary>The sequence number of the newest entry (0 when empty).</summary>
    public long LastSequence => Interlocked.Read(ref _sequence);

    public IReadOnlyList<string> Services
    {
        get
        {
            lock (_lock)
            {
                return _services.Order(StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>Adds entries built by <paramref name="create"/>, which receives each one's sequence number.</summary>
    public void Add<T>(IReadOnlyList<T> items, Func<T, long, StructuredLogEntry> create)
    {
        lock (_lock)
        {
            foreach (var item in items)
            {
                var entry = create(item, _sequence + 1);
                _ring[entry.Sequence % _ring.Length] = entry;
                _services.Add(entry.Service);
                Interlocked.Exchange(ref _sequence, entry.Sequence);
            }
        }
    }

    /// <summary>Entries newer than <see cref="LogQuery.After"/> that match, newest first, at most <see cref="LogQuery.Limit"/>.</summary>
    public IReadOnlyList<StructuredLogEntry> Query(LogQuery query)
    {
        var result = new List<StructuredLogEntry>(Math.Min(query.Limit, 256));
        lock (_lock)
        {
            var oldest = Math.Max(query.After + 1, _sequence - _ring.Length + 1);
            for (var sequence = _sequence; sequence >= oldest && result.Count < query.Limit; sequence--)
            {
                if (_ring[sequence % _ring.Length] is { } entry && query.Matches(entry))
                {
                    result.Add(entry);
                }
            }
        }

        return result;
    }
}

/// <summary>A filter over structured logs: service, lowest level, text (message, category, attribute values), trace.</summary>
public sealed record LogQuery(string? Service = null, int MinSeverity = 0, string? Text = null, string? TraceId = null, long After = 0, int Limit = 200)
{
    public bool Matches(StructuredLogEntry entry) =>
        (string.IsNullOrEmpty(Service) || entry.Service == Service)
        && entry.SeverityNumber >= MinSeverity
        && (string.IsNullOrEmpty(TraceId) || entry.TraceId == TraceId)
        && (string.IsNullOrEmpty(Text) || ContainsText(entry, Text));

    static bool ContainsText(StructuredLogEntry entry, string text)
    {
        if (entry.Message.Contains(text, StringComparison.OrdinalIgnoreCase) || entry.Category.Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var (_, value) in entry.Attributes)
        {
            if (value.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
