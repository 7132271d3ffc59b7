namespace LogPipeline.PipelineView.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or the deadline passes (no sleeping as synchronisation).</summary>
static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<T> sample, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = sample();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not reached within {timeout.TotalSeconds} s (last value: {value}).");
            }

            await Task.Delay(50);
        }
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T>> sample, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await sample().WaitAsync(timeout);
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not reached within {timeout.TotalSeconds} s (last value: {value}).");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        ValueAsync(condition, done => done, timeout, what);

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        ValueAsync(condition, done => done, timeout, what);
}
