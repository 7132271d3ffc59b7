using LogPipeline.QueryApi.Responses;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LogPipeline.QueryApi.Apis;

/// <summary><c>/api/stats</c>: counter series and summaries from the minute/hour roll-ups.</summary>
public static class StatsApi
{
    static readonly TimeSpan DefaultSeriesRange = TimeSpan.FromHours(1);
    static readonly TimeSpan DefaultSummaryRange = TimeSpan.FromHours(24);

    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        var stats = api.MapGroup("/stats").WithTags("Stats");
        stats.MapGet("/series", GetSeries)
            .WithName("GetSeries")
            .WithSummary("One counter per minute or hour: total, anomalies, level:X, status:Nxx, path:/route, path_anomalies:/route, response_time_sum");
        stats.MapGet("/summary", GetSummary)
            .WithName("GetSummary")
            .WithSummary("Totals, anomaly rate, top paths by anomalies and response-time percentiles over a range");
        return api;
    }

    public static async Task<Results<Ok<SeriesResponse>, ValidationProblem>> GetSeries(
        CounterQueries counters,
        IOptions<QueryApiOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken,
        [FromQuery] string? series = null,
        [FromQuery] string? from = null,
        [FromQuery] string? to = null,
        [FromQuery] string? granularity = null)
    {
        var errors = new QueryErrors();
        if (series is null || !CounterNames.IsChartable(series))
        {
            errors.Add(nameof(series), "series must be total, anomalies, response_time_sum, level:{DEBUG|INFO|WARN|ERROR}, status:{1xx..5xx}, path:{path} or path_anomalies:{path} (paths are counted by route: /products/541 is /products/{id}).");
        }

        CounterGranularity? unit = granularity?.ToLowerInvariant() switch
        {
            null or "minute" => CounterGranularity.Minute,
            "hour" => CounterGranularity.Hour,
            _ => null,
        };
        if (unit is null)
        {
            errors.Add(nameof(granularity), "granularity must be minute or hour.");
        }

        var (fromMs, toMs) = QueryParameters.ParseRange(from, to, DefaultSeriesRange, options.Value.MaxRange, null, clock, errors);
        var bucketMs = unit == CounterGranularity.Hour ? 3_600_000L : 60_000L;
        if (!errors.Any && ((toMs / bucketMs) - (fromMs / bucketMs)) + 1 > options.Value.MaxSeriesPoints)
        {
            errors.Add(nameof(granularity), $"The range holds more than {options.Value.MaxSeriesPoints} {granularity ?? "minute"} buckets; narrow it or use a coarser granularity.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The query parameters are not valid.");
        }

        series = CounterNames.Normalize(series!);
        var points = await counters.GetSeriesAsync(series, unit!.Value, fromMs, toMs, cancellationToken);
        var responsePoints = new List<SeriesPointResponse>(points.Count);
        double total = 0;
        foreach (var point in points)
        {
            responsePoints.Add(new SeriesPointResponse(point.BucketStart, TimeFormat.Iso(point.BucketStart), point.Value));
            total += point.Value;
        }

        return TypedResults.Ok(new SeriesResponse(
            series!, unit == CounterGranularity.Hour ? "hour" : "minute", fromMs, TimeFormat.Iso(fromMs), toMs, TimeFormat.Iso(toMs), total, responsePoints));
    }

    public static async Task<Results<Ok<SummaryResponse>, ValidationProblem>> GetSummary(
        CounterQueries counters,
        IOptions<QueryApiOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken,
        [FromQuery] string? from = null,
        [FromQuery] string? to = null)
    {
        var errors = new QueryErrors();
        var (fromMs, toMs) = QueryParameters.ParseRange(from, to, DefaultSummaryRange, options.Value.MaxRange, null, clock, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The query parameters are not valid.");
        }

        var summary = await counters.GetSummaryAsync(fromMs, toMs, options.Value.TopPaths, cancellationToken);
        var paths = new List<TopPathResponse>(summary.TopPaths.Count);
        foreach (var path in summary.TopPaths)
        {
            paths.Add(new TopPathResponse(path.Path, path.Anomalies, path.Requests));
        }

        return TypedResults.Ok(new SummaryResponse(
            summary.From,
            TimeFormat.Iso(summary.From),
            summary.To,
            TimeFormat.Iso(summary.To),
            summary.Total,
            summary.Anomalies,
            summary.AnomalyRate,
            summary.Levels,
            summary.StatusClasses,
            paths,
            new ResponseTimeSummary(summary.MeanResponseTime, summary.P50ResponseTime, summary.P95ResponseTime)));
    }
}
