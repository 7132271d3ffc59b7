namespace LogPipeline.Contracts;

/// <summary>Body of the scorer's <c>GET /api/scorer/threshold</c>: the threshold in force and how it is chosen.</summary>
public sealed record ThresholdState(string Mode, double Current, long ScoresObserved);
