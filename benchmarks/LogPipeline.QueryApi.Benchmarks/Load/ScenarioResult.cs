namespace LogPipeline.QueryApi.Benchmarks.Load;

sealed record ScenarioResult(Scenario Scenario, LatencyStatistics Latency, double RequestsPerSecond, int Errors, string? FirstError, double MeanResponseBytes);
