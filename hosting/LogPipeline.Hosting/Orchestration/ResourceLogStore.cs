using System.Collections.Concurrent;
using System.Threading.Channels;

namespace LogPipeline.Hosting.Orchestration;

public sealed record LogLine(long Sequence, DateTimeOffset Time, string Resource, string Text, bool IsError);

/// <summary>The console output of every resource: a bounded window per resource and live subscriptions.</summary>
public sealed class ResourceLogStore(int capacityPerResource = 5000)
{
    readonly ConcurrentDictionary<string, ResourceLog> _logs = new();
    long _sequence;

    public void Append(string resource, string text, bool isError)
    {
        var line = new LogLine(Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow, resource, text, isError);
        _logs.GetOrAdd(resource, _ => new ResourceLog(capacityPerResource)).Append(line);
    }

    public IReadOnlyList<LogLine> Tail(string resource, int count) =>
        _logs.TryGetValue(resource, out var log) ? log.Tail(count) : [];

    /// <summary>Lines appended from now on, until <paramref name="cancellationToken"/> fires.</summary>
    public IAsyncEnumerable<LogLine> Follow(string resource, CancellationToken cancellationToken) =>
        _logs.GetOrAdd(resource, _ => new ResourceLog(capacityPerResource)).Follow(cancellationToken);

    sealed class ResourceLog(int capacity)
    {
        readonly Queue<LogLine> _lines = new();
        readonly List<Channel<LogLine>> _followers = [];
        readonly Lock _lock = new();

        public void Append(LogLine line)
        {
            lock (_lock)
            {
                if (_lines.Count == capacity)
                {
                    _lines.Dequeue();
                }

                _lines.Enqueue(line);
                foreach (var follower in _followers)
                {
                    follower.Writer.TryWrite(line);
                }
            }
        }

        public IReadOnlyList<LogLine> Tail(int count)
        {
            lock (_lock)
            {
                return _lines.Skip(Math.Max(0, _lines.Count - count)).ToArray();
            }
        }

        public async IAsyncEnumerable<LogLine> Follow([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Bounded: a slow reader drops the oldest lines rather than holding memory.
            var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
            lock (_lock)
            {
                _followers.Add(channel);
            }

            try
            {
                await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return line;
                }
            }
            finally
            {
                lock (_lock)
                {
                    _followers.Remove(channel);
                }
            }
        }
    }
}
