namespace LogPipeline.Specs.Support;

/// <summary>Polls a condition until it holds or a timeout passes: the only way the scenarios wait.</summary>
public static class Eventually
{
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
