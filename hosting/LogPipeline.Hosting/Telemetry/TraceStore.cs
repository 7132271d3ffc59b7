namespace LogPipeline.Hosting.Telemetry;

/// <summary>
/// The newest traces, assembled from spans as they arrive (in any order, from any service). Bounded by trace and span
/// count: the oldest traces are dropped first.
/// </summary>
public sealed class TraceStore(TelemetryOptions options)
{
    readonly Lock _lock = new();
    readonly Dictionary<string, TraceEntry> _traces = new(StringComparer.Ordinal);
    readonly LinkedList<TraceEntry> _order = new();
    readonly HashSet<string> _services = new(StringComparer.Ordinal);
    int _spanCount;

    /// <summary>Raised after each received batch, outside the store's lock, on the receiving thread: keep handlers cheap.</summary>
    public event Action<IReadOnlyList<SpanRecord>>? SpansAdded;

    public int TraceCount
    {
        get
        {
            lock (_lock)
            {
                return _traces.Count;
            }
        }
    }

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

    public void Add(IReadOnlyList<SpanRecord> spans)
    {
        lock (_lock)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = new TraceEntry(span.TraceId);
                    trace.Node = _order.AddLast(trace);
                    _traces.Add(span.TraceId, trace);
                }

                if (trace.Add(span))
                {
                    _spanCount++;
                    _services.Add(span.Service);
                }
            }

            while ((_traces.Count > options.MaxTraces || _spanCount > options.MaxSpans) && _order.First is { } oldest && _order.Count > 1)
            {
                _order.RemoveFirst();
                _traces.Remove(oldest.Value.TraceId);
                _spanCount -= oldest.Value.Spans.Count;
            }
        }

        SpansAdded?.Invoke(spans);
    }

    /// <summary>
    /// The newest traces first, where a service took part (when given) and the text appears in the trace id, a span's
    /// name or an attribute value (so a log id finds the trace that carried it), with spans from at least
    /// <paramref name="minServices"/> services.
    /// </summary>
    public IReadOnlyList<TraceSummary> Query(string? service, string? text, int limit, int minServices = 1)
    {
        var result = new List<TraceSummary>(Math.Min(limit, 256));
        lock (_lock)
        {
            for (var node = _order.Last; node is not null && result.Count < limit; node = node.Previous)
            {
                var trace = node.Value;
                if ((string.IsNullOrEmpty(service) || trace.HasService(service))
                    && (minServices <= 1 || trace.ServiceCount() >= minServices)
                    && (string.IsNullOrEmpty(text) || trace.Contains(text)))
                {
                    result.Add(trace.Summarize());
                }
            }
        }

        return result;
    }

    /// <summary>The trace's spans ordered by start time, or null when it is unknown or no longer kept.</summary>
    public IReadOnlyList<SpanRecord>? Get(string traceId)
    {
        lock (_lock)
        {
            return _traces.TryGetValue(traceId, out var trace) ? trace.Spans.OrderBy(s => s.StartNanos).ToArray() : null;
        }
    }

    public TraceSummary? Summary(string traceId)
    {
        lock (_lock)
        {
            return _traces.TryGetValue(traceId, out var trace) ? trace.Summarize() : null;
        }
    }

    sealed class TraceEntry(string traceId)
    {
        public string TraceId { get; } = traceId;

        public List<SpanRecord> Spans { get; } = new(4);

        public LinkedListNode<TraceEntry>? Node { get; set; }

        public bool Add(SpanRecord span)
        {
            foreach (var existing in Spans)
            {
                if (existing.SpanId == span.SpanId)
                {
                    return false;
                }
            }

            Spans.Add(span);
            return true;
        }

        public bool HasService(string service)
        {
            foreach (var span in Spans)
            {
                if (span.Service == service)
                {
                    return true;
                }
            }

            return false;
        }

        public int ServiceCount()
        {
            var first = Spans[0].Service;
            var count = 1;
            for (var i = 1; i < Spans.Count; i++)
            {
                if (Spans[i].Service != first && !Spans.Take(i).Any(s => s.Service == Spans[i].Service))
                {
                    count++;
                }
            }

            return count;
        }

        public bool Contains(string text)
        {
            if (TraceId.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var span in Spans)
            {
                if (span.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                foreach (var (_, value) in span.Attributes)
                {
                    if (value.Contains(text, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        public TraceSummary Summarize()
        {
            SpanRecord? root = null;
            long start = long.MaxValue, end = long.MinValue;
            var error = false;
            var services = new Dictionary<string, long>(4, StringComparer.Ordinal);
            foreach (var span in Spans)
            {
                start = Math.Min(start, span.StartNanos);
                end = Math.Max(end, span.EndNanos);
                error |= span.Status == "Error";
                services[span.Service] = Math.Min(services.GetValueOrDefault(span.Service, long.MaxValue), span.StartNanos);

                var isRoot = span.ParentSpanId is null || !Spans.Exists(s => s.SpanId == span.ParentSpanId);
                if (isRoot && (root is null || span.StartNanos < root.StartNanos))
                {
                    root = span;
                }
            }

            root ??= Spans[0];
            return new TraceSummary(TraceId, root.Name, root.Service, start / 1e6, Math.Max(0, end - start) / 1e6, Spans.Count, services.OrderBy(s => s.Value).Select(s => s.Key).ToArray(), error);
        }
    }
}
