using LogPipeline.Scorer.Scoring;

namespace LogPipeline.Scorer;

/// <summary>What the scorer knows about its own verdicts: the threshold in force and detection quality.</summary>
public static class ScorerApi
{
    public static IEndpointRouteBuilder MapScorerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scorer").WithTags("Scorer");
        api.MapGet("/threshold", (ScoringWorker worker) => TypedResults.Ok(new ThresholdState(
            worker.Threshold.ModeName, worker.Threshold.Current, worker.Threshold.Observed)));
        api.MapGet("/quality", (ScoringWorker worker) => TypedResults.Ok(worker.Quality.Snapshot()));
        return app;
    }

    public sealed record ThresholdState(string Mode, double Current, long ScoresObserved);
}
