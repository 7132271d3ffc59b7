using LogPipeline.Contracts;
using LogPipeline.Scorer.Scoring;

namespace LogPipeline.Scorer;

/// <summary>What the scorer knows about its own verdicts: the threshold in force and detection quality.</summary>
public static class ScorerApi
{
    public static IEndpointRouteBuilder MapScorerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ScorerApiPaths.Group).WithTags("Scorer");
        api.MapGet(ScorerApiPaths.ThresholdRoute, (ScoringWorker worker) => TypedResults.Ok(new ThresholdState(
            worker.Threshold.ModeName, worker.Threshold.Current, worker.Threshold.Observed)));
        api.MapGet(ScorerApiPaths.QualityRoute, (ScoringWorker worker) => TypedResults.Ok(worker.Quality.Snapshot()));
        return app;
    }
}
