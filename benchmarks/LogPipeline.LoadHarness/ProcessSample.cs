namespace LogPipeline.LoadHarness;

/// <summary>One process group's CPU (100 % = one core, averaged since the previous sample) and resident memory.</summary>
public sealed record ProcessSample(long AtMs, RunPhase Phase, string Process, double CpuPercent, long RssBytes);
