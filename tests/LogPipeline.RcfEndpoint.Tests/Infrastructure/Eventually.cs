namespace LogPipeline.RcfEndpoint.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="timeout"/>.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string description)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {timeout} waiting until {description}; last value: {value}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }
}
