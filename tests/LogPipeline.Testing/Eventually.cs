namespace LogPipeline.Testing;

/// <summary>Polls a condition until it holds or a deadline passes: the way tests wait, instead of sleeping.</summary>
public static class Eventually
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Probes until <paramref name="condition"/> holds for the value; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string description)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var value = await probe().WaitAsync(timeout);
            if (condition(value))
            {
                return value;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting until {description}; last value: {value}");
            }

            await Task.Delay(PollInterval, CancellationToken.None);
        }
    }

    /// <summary>Samples until <paramref name="condition"/> holds for the value; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static Task<T> HoldsAsync<T>(Func<T> sample, Func<T, bool> condition, TimeSpan timeout, string description) =>
        HoldsAsync(() => Task.FromResult(sample()), condition, timeout, description);

    /// <summary>Waits until <paramref name="condition"/> is true; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string description) =>
        HoldsAsync(() => Task.FromResult(condition()), holds => holds, timeout, description);

    /// <summary>Waits until <paramref name="condition"/> answers true; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string description) =>
        HoldsAsync(condition, holds => holds, timeout, description);

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Calls <paramref name="probe"/> until <paramref name="done"/> accepts its result; on timeout fails with
    /// <paramref name="what"/> and the last result, described by <paramref name="describe"/>.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> done,
        TimeSpan timeout,
        string what,
        Func<T, string>? describe = null,
        TimeSpan? interval = null)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var last = default(T);
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe(cancellation.Token);
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or TimeoutException)
            {
                // The service may be briefly unreachable while it recovers: try again.
                lastError = ex;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
            }

            try
            {
                await Task.Delay(interval ?? DefaultInterval, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                var state = lastError is not null ? $"last error: {lastError.GetType().Name}: {lastError.Message}"
                    : last is null ? "no answer"
                    : "last seen: " + (describe?.Invoke(last) ?? last.ToString());
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting until {what} ({state}).");
            }
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(_ => Task.FromResult(condition()), ok => ok, timeout, what);
}
