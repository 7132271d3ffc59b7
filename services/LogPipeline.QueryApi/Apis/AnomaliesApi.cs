using System.Globalization;
using LogPipeline.QueryApi.Paging;
using LogPipeline.QueryApi.Responses;
using LogPipeline.Storage;
using LogPipeline.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LogPipeline.QueryApi.Apis;

/// <summary><c>/api/anomalies</c>: the sparse anomaly index, highest score first.</summary>
public static class AnomaliesApi
{
    public const string CursorKind = "anomalies";

    public static RouteGroupBuilder MapAnomaliesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/anomalies", GetAnomalies)
            .WithTags("Anomalies")
            .WithName("GetAnomalies")
            .WithSummary("Anomalous logs (flagged, or scoring at least the index floor), highest score first");
        return api;
    }

    public static async Task<Results<Ok<LogPageResponse>, ValidationProblem>> GetAnomalies(
        LogQueries queries,
        CursorProtector cursors,
        IOptions<QueryApiOptions> options,
        StorageOptions storage,
        TimeProvider clock,
        CancellationToken cancellationToken,
        [FromQuery] string? minScore = null,
        [FromQuery] string? from = null,
        [FromQuery] string? to = null,
        [FromQuery] string? limit = null,
        [FromQuery] string? cursor = null)
    {
        var errors = new QueryErrors();
        var page = QueryParameters.ParseCursor(cursor, CursorKind, cursors, errors);
        var count = QueryParameters.ParseLimit(limit, options.Value, errors);
        var (fromMs, toMs) = QueryParameters.ParseRange(from, to, TimeSpan.FromDays(storage.RetentionDays), options.Value.MaxRange, page, clock, errors);
        var score = ParseMinScore(minScore, page, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The query parameters are not valid.");
        }

        var budget = new QueryBudget(options.Value.MaxQueriesPerRequest);
        var result = await queries.QueryAnomaliesAsync(score, fromMs, toMs, count, page?.Position, budget, cancellationToken);
        var next = result.Next is null
            ? null
            : cursors.Protect(new PageCursor(CursorKind, fromMs, toMs, null, null, null, score, result.Next));
        return TypedResults.Ok(new LogPageResponse(
            LogResponse.From(result.Items), result.Items.Count, next, fromMs, TimeFormat.Iso(fromMs), toMs, TimeFormat.Iso(toMs)));
    }

    static double ParseMinScore(string? text, PageCursor? page, QueryErrors errors)
    {
        if (text is null)
        {
            return page?.MinScore ?? 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score) || score < 0)
        {
            errors.Add("minScore", "minScore must be a non-negative number.");
            return 0;
        }

        if (page is not null && page.MinScore != score)
        {
            errors.Add(QueryParameters.Cursor, "The cursor belongs to a query with a different minScore.");
        }

        return score;
    }
}
