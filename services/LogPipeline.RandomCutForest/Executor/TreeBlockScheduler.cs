using System.Runtime.ExceptionServices;

namespace LogPipeline.RandomCutForest.Executor;

/// <summary>
/// Runs a fixed number of tree blocks on the caller's thread and on thread-pool helpers, without allocating and
/// without a barrier that waits for a helper to start. Blocks are claimed one at a time: the caller from the front,
/// helpers from the back, so on two cores each side keeps mostly the same trees (and their cache lines) from one
/// chunk to the next, and neither waits for the other beyond the block it is finishing. A helper that starts late,
/// or not at all because its core is busy, finds nothing left and the caller has done the work alone: a busy core
/// costs throughput, never a stall. Which thread ran a block does not change any result.
/// </summary>
internal sealed class TreeBlockScheduler : IThreadPoolWorkItem
{
    // _state counts helpers inside the current run; Closed is set once the caller stops taking helpers in.
    private const int Closed = 1 << 30;

    // Spins this many times for a helper finishing its last block before sleeping on _helperLeft.
    private const int SpinsBeforeSleeping = 20;

    private readonly Action<int> _runBlock;
    private readonly object _helperLeft = new();
    private readonly int _helpers;
    private long _claims;
    private int _state = Closed;
    private int _queued;
    private ExceptionDispatchInfo? _failure;

    /// <param name="runBlock">Runs one block; called at most once per block per run, from any thread.</param>
    /// <param name="helpers">Thread-pool helpers beside the caller (cores - 1); 0 runs everything on the caller.</param>
    public TreeBlockScheduler(Action<int> runBlock, int helpers)
    {
        _runBlock = runBlock;
        _helpers = helpers;
    }

    /// <summary>Runs blocks 0 to <paramref name="blockCount"/> - 1, each once; returns when all have finished.</summary>
    public void Run(int blockCount, bool parallel)
    {
        if (!parallel || _helpers == 0)
        {
            for (var block = 0; block < blockCount; block++)
            {
                _runBlock(block);
            }

            return;
        }

        _failure = null;
        Volatile.Write(ref _claims, Pack(0, blockCount));
        Volatile.Write(ref _state, 0);

        // A helper still queued from an earlier run joins this one when it starts, so only the missing ones are queued.
        for (var queued = Volatile.Read(ref _queued); queued < _helpers; queued++)
        {
            Interlocked.Increment(ref _queued);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        try
        {
            while (TryClaim(fromFront: true, out var block))
            {
                _runBlock(block);
            }
        }
        finally
        {
            // Every block is claimed; wait only for helpers still finishing theirs (at most one block each).
            Interlocked.Or(ref _state, Closed);
            WaitForHelpers();
        }

        _failure?.Throw();
    }

    void IThreadPoolWorkItem.Execute()
    {
        Interlocked.Decrement(ref _queued);
        if (!TryEnter())
        {
            return;
        }

        try
        {
            while (TryClaim(fromFront: false, out var block))
            {
                _runBlock(block);
            }
        }
        catch (Exception exception)
        {
            // Rethrown on the caller's thread; a thread-pool item must not throw.
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);
        }
        finally
        {
            // Under the lock, so the caller cannot check the count and sleep between this and the pulse.
            lock (_helperLeft)
            {
                if (Interlocked.Decrement(ref _state) == Closed)
                {
                    Monitor.PulseAll(_helperLeft);
                }
            }
        }
    }

    // A helper preempted in the middle of a block (a busy machine) may take a scheduler slice to come back: sleep
    // rather than spin, which would take the core it needs.
    private void WaitForHelpers()
    {
        var wait = default(SpinWait);
        for (var spins = 0; spins < SpinsBeforeSleeping && Volatile.Read(ref _state) != Closed; spins++)
        {
            wait.SpinOnce(sleep1Threshold: -1);
        }

        lock (_helperLeft)
        {
            while (Volatile.Read(ref _state) != Closed)
            {
                Monitor.Wait(_helperLeft);
            }
        }
    }

    private static long Pack(int front, int back) => ((long)back << 32) | (uint)front;

    private bool TryEnter()
    {
        var state = Volatile.Read(ref _state);
        while ((state & Closed) == 0)
        {
            var seen = Interlocked.CompareExchange(ref _state, state + 1, state);
            if (seen == state)
            {
                return true;
            }

            state = seen;
        }

        return false;
    }

    private bool TryClaim(bool fromFront, out int block)
    {
        var claims = Volatile.Read(ref _claims);
        while (true)
        {
            var front = (int)claims;
            var back = (int)(claims >> 32);
            if (front >= back)
            {
                block = -1;
                return false;
            }

            block = fromFront ? front : back - 1;
            var next = fromFront ? Pack(front + 1, back) : Pack(front, back - 1);
            var seen = Interlocked.CompareExchange(ref _claims, next, claims);
            if (seen == claims)
            {
                return true;
            }

            claims = seen;
        }
    }
}
