namespace LogPipeline.RcfEndpoint.Tests.Infrastructure;

public sealed record ModelSettingsView(int FeatureDim, int ShingleSize, int Trees, int SampleSize, double TimeDecay, int? Seed, int? OutputAfter, string Mode);
