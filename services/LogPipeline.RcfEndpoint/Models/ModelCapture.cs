using LogPipeline.RandomCutForest.State;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>What a snapshot writes: the settings, a copy of the forest's state and the change count it reflects.</summary>
public sealed record ModelCapture(RcfModelSettings Settings, RandomCutForestState State, long Version);
