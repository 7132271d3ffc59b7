using System.Globalization;
using LogPipeline.QueryApi.Paging;
using LogPipeline.QueryApi.Responses;
using LogPipeline.Storage.Counters;
using LogPipeline.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LogPipeline.QueryApi.Apis;

/// <summary><c>/api/logs</c>: one log by id, and logs in a time range (time index), newest first.</summary>
public static class LogsApi
{
    public const string CursorKind = "logs";
    const int MaxIdLength = 512;
    static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    public static RouteGroupBuilder MapLogsApi(this RouteGroupBuilder api)
    {
        var logs = api.MapGroup("/logs").WithTags("Logs");
        logs.MapGet("/{logId}", GetLogById)
            .WithName("GetLog")
            .WithSummary("One log by its log_identifier")
            .ProducesProblem(StatusCodes.Status404NotFound);
        logs.MapGet("/", GetLogs)
            .WithName("GetLogs")
            .WithSummary("Logs in a time range, newest first, optionally filtered by level, status and path");
        return api;
    }

    public static async Task<Results<Ok<LogResponse>, ValidationProblem, ProblemHttpResult>> GetLogById(
        string logId,
        LogQueries queries,
        CancellationToken cancellationToken)
    {
        if (logId.Length > MaxIdLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["logId"] = [$"logId is longer than {MaxIdLength} characters."] });
        }

        var stored = await queries.GetByIdAsync(logId, cancellationToken);
        return stored is null
            ? TypedResults.Problem(title: "Log not found", detail: $"No stored log has log_identifier '{QueryParameters.Shorten(logId)}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(LogResponse.From(stored));
    }

    public static async Task<Results<Ok<LogPageResponse>, ValidationProblem>> GetLogs(
        LogQueries queries,
        CursorProtector cursors,
        IOptions<QueryApiOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken,
        [FromQuery] string? from = null,
        [FromQuery] string? to = null,
        [FromQuery] string? level = null,
        [FromQuery] string? status = null,
        [FromQuery] string? path = null,
        [FromQuery] string? limit = null,
        [FromQuery] string? cursor = null)
    {
        var errors = new QueryErrors();
        var page = QueryParameters.ParseCursor(cursor, CursorKind, cursors, errors);
        var count = QueryParameters.ParseLimit(limit, options.Value, errors);
        var (fromMs, toMs) = QueryParameters.ParseRange(from, to, DefaultRange, options.Value.MaxRange, page, clock, errors);
        var levelFilter = QueryParameters.WithCursor(nameof(level), NormalizeLevel(level, errors), page?.Level, page, errors);
        var statusFilter = QueryParameters.WithCursor(nameof(status), NormalizeStatus(status, errors), page?.Status, page, errors);
        var pathFilter = QueryParameters.WithCursor(nameof(path), NormalizePath(path, errors), page?.Path, page, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The query parameters are not valid.");
        }

        var (statusLow, statusHigh) = StatusRange(statusFilter);
        var filter = new LogFilter(levelFilter, statusLow, statusHigh, pathFilter);
        var budget = new QueryBudget(options.Value.MaxQueriesPerRequest);
        var result = await queries.QueryTimeRangeAsync(fromMs, toMs, filter, count, page?.Position, budget, cancellationToken);
        var next = result.Next is null
            ? null
            : cursors.Protect(new PageCursor(CursorKind, fromMs, toMs, levelFilter, statusFilter, pathFilter, null, result.Next));
        return TypedResults.Ok(new LogPageResponse(
            LogResponse.From(result.Items), result.Items.Count, next, fromMs, TimeFormat.Iso(fromMs), toMs, TimeFormat.Iso(toMs)));
    }

    static string? NormalizeLevel(string? level, QueryErrors errors)
    {
        if (level is null)
        {
            return null;
        }

        var upper = level.Trim().ToUpperInvariant();
        if (!CounterNames.KnownLevels.Contains(upper))
        {
            errors.Add(nameof(level), "level must be one of DEBUG, INFO, WARN, ERROR.");
        }

        return upper;
    }

    /// <summary>An HTTP status (e.g. <c>503</c>) or a class (<c>5xx</c>).</summary>
    static string? NormalizeStatus(string? status, QueryErrors errors)
    {
        if (status is null)
        {
            return null;
        }

        var text = status.Trim().ToLowerInvariant();
        var valid = text.Length == 3
            && text[0] is >= '1' and <= '5'
            && ((text[1] == 'x' && text[2] == 'x') || (char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2])));
        if (!valid)
        {
            errors.Add(nameof(status), "status must be an HTTP status code (100-599) or a class such as 5xx.");
        }

        return text;
    }

    static string? NormalizePath(string? path, QueryErrors errors)
    {
        if (path is not null && (path.Length == 0 || path.Length > 2048))
        {
            errors.Add(nameof(path), "path must be 1 to 2048 characters.");
        }

        return path;
    }

    static (int? Low, int? High) StatusRange(string? status)
    {
        if (status is null)
        {
            return (null, null);
        }

        if (status[1] == 'x')
        {
            var low = (status[0] - '0') * 100;
            return (low, low + 99);
        }

        var code = int.Parse(status, CultureInfo.InvariantCulture);
        return (code, code);
    }
}
