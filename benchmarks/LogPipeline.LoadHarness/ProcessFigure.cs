namespace LogPipeline.LoadHarness;

/// <summary>A process group over one rate's measured window: mean and peak CPU (100 % = one core), peak resident memory.</summary>
public sealed record ProcessFigure(string Process, double MeanCpuPercent, double MaxCpuPercent, long MaxRssBytes);
