using System.Collections.Concurrent;
using System.Net;

namespace LogPipeline.LoadHarness;

/// <summary>
/// Polls <c>GET /api/logs/{id}</c> for each marked record until the Query API returns it (queryable) or
/// <see cref="HarnessOptions.LostAfter"/> passes (lost). A record cannot be stored before it is scored, so polling
/// starts once it is seen on the scored topic (or after <see cref="UnscoredAfter"/>, in case the watcher missed it),
/// then every fifth of the time since it was scored, from 20 ms to 2 s: the latency is known to within about 20 %
/// of the writer's share. All polls together are paced to <c>maxPollsPerSecond</c>, so that when the pipeline
/// falls behind the harness does not add a flood of reads to the load it measures.
/// </summary>
public sealed class QueryablePoller(HttpClient queryApi, TimeSpan lostAfter, double maxPollsPerSecond = 100)
{
    public static readonly TimeSpan UnscoredAfter = TimeSpan.FromSeconds(10);

    static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(20);
    static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(2);

    readonly ConcurrentBag<Task> _polls = [];
    readonly Lock _pace = new();
    readonly long _pollSpacingTicks = (long)(TimeSpan.TicksPerSecond / maxPollsPerSecond);
    long _nextPollTicks;
    long _requestsSent;
    long _errors;

    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    /// <summary>Answers other than 200 and 404, and failed requests (each is retried).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public void Track(MarkedRecord record, CancellationToken cancellationToken) => _polls.Add(PollAsync(record, cancellationToken));

    /// <summary>Completes when every tracked record is queryable or lost (at most <c>lostAfter</c> after the last was sent).</summary>
    public Task CompletionAsync() => Task.WhenAll(_polls);

    /// <summary>
    /// Asks once more for each record declared lost: one readable now (after the stages caught up) was late, not lost.
    /// </summary>
    public async Task RecheckLostAsync(IEnumerable<MarkedRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records.Where(r => r.Lost))
        {
            await PaceAsync(cancellationToken);
            Interlocked.Increment(ref _requestsSent);
            using var response = await queryApi.GetAsync("/api/logs/" + Uri.EscapeDataString(record.Id), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                record.MarkFoundLate();
            }
        }
    }

    async Task PollAsync(MarkedRecord record, CancellationToken cancellationToken)
    {
        var path = "/api/logs/" + Uri.EscapeDataString(record.Id);
        while (true)
        {
            var now = Clock.NowMs();
            if (record.DeliveryError is not null)
            {
                return;
            }

            if (now - record.SentAtMs > lostAfter.TotalMilliseconds)
            {
                record.MarkLost();
                return;
            }

            var since = record.ScoredAtMs ?? (now - record.SentAtMs > UnscoredAfter.TotalMilliseconds ? record.SentAtMs : (long?)null);
            await Task.Delay(since is { } from ? Clamp(TimeSpan.FromMilliseconds((now - from) / 5.0)) : MinInterval, cancellationToken);
            if (since is null)
            {
                continue;
            }

            await PaceAsync(cancellationToken);
            try
            {
                Interlocked.Increment(ref _requestsSent);
                using var response = await queryApi.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    record.MarkQueryable(Clock.NowMs());
                    return;
                }

                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }

    /// <summary>Takes the next free slot of the shared poll schedule and waits for it.</summary>
    Task PaceAsync(CancellationToken cancellationToken)
    {
        long wait;
        lock (_pace)
        {
            var now = DateTime.UtcNow.Ticks;
            _nextPollTicks = Math.Max(_nextPollTicks, now) + _pollSpacingTicks;
            wait = _nextPollTicks - _pollSpacingTicks - now;
        }

        return wait <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromTicks(wait), cancellationToken);
    }

    static TimeSpan Clamp(TimeSpan interval) => interval < MinInterval ? MinInterval : interval > MaxInterval ? MaxInterval : interval;
}
