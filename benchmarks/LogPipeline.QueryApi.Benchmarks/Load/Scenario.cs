namespace LogPipeline.QueryApi.Benchmarks.Load;

/// <summary>One kind of request, with fresh parameters each time (a random log, window or cursor).</summary>
sealed record Scenario(string Name, string Example, Func<Random, string> NextUrl);
