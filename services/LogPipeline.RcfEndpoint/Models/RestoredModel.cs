using Forest = LogPipeline.RandomCutForest.RandomCutForest;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>A model read back from its snapshot file.</summary>
public sealed record RestoredModel(string Name, RcfModelSettings Settings, Forest Forest, DateTimeOffset SavedAt);
