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

    /// <summary>Waits until <paramref name="condition"/> is true; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string description) =>
        HoldsAsync(() => Task.FromResult(condition()), holds => holds, timeout, description);
}
