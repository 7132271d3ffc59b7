using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Replay;

/// <summary>
/// Runs replays in the background, one at a time (a second one while one runs is refused, so live traffic never
/// competes with two), and keeps the most recent ones with their progress. Stopped with the host.
/// </summary>
public sealed partial class ReplayJobs(ArchiveReplayer replayer, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ReplayJobs> logger)
{
    const int Kept = 20;

    readonly ConcurrentDictionary<string, ReplayJob> _jobs = new(StringComparer.Ordinal);
    readonly Lock _gate = new();
    ReplayJob? _running;

    public ReplayJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Starts <paramref name="request"/>; false with the running job when one is still running.</summary>
    public bool TryStart(ReplayRequest request, out ReplayJob job)
    {
        lock (_gate)
        {
            if (_running is { State: ReplayState.Running } running)
            {
                job = running;
                return false;
            }

            job = new ReplayJob(Guid.NewGuid().ToString("N")[..12], request, clock.GetUtcNow());
            _running = job;
            _jobs[job.Id] = job;
            foreach (var old in _jobs.Values.OrderByDescending(j => j.StartedAt).Skip(Kept))
            {
                _jobs.TryRemove(old.Id, out _);
            }
        }

        var started = job;
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(started.Cancellation.Token, lifetime.ApplicationStopping);
        started.Completion = Task.Run(async () =>
        {
            try
            {
                Log.Started(logger, started.Id, request.Target, request.From, request.To, request.RatePerSecond);
                await replayer.RunAsync(request, started.Progress, cancellation.Token).ConfigureAwait(false);
                started.State = ReplayState.Completed;
            }
            catch (OperationCanceledException)
            {
                started.State = ReplayState.Cancelled;
            }
            catch (Exception e)
            {
                started.Error = e.Message;
                started.State = ReplayState.Failed;
                Log.Failed(logger, e, started.Id);
            }
            finally
            {
                started.FinishedAt = clock.GetUtcNow();
                Log.Finished(logger, started.Id, started.State, started.Progress.Sent, started.Progress.InRange);
                cancellation.Dispose();
            }
        });
        return true;
    }

    public bool Cancel(string id)
    {
        if (Find(id) is not { State: ReplayState.Running } job)
        {
            return false;
        }

        job.Cancellation.Cancel();
        return true;
    }

    static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Replay {Id} started: {Target} of {From}..{To} at {Rate} logs/s")]
        public static partial void Started(ILogger logger, string id, ReplayTarget target, long from, long to, int rate);

        [LoggerMessage(2, LogLevel.Information, "Replay {Id} {State}: {Sent} of {InRange} logs sent")]
        public static partial void Finished(ILogger logger, string id, ReplayState state, long sent, long inRange);

        [LoggerMessage(3, LogLevel.Error, "Replay {Id} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string id);
    }
}
