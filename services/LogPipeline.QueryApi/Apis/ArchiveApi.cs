using System.Globalization;
using System.Text;
using LogPipeline.Archive;
using LogPipeline.Contracts;
using LogPipeline.QueryApi.Responses;
using LogPipeline.Replay;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace LogPipeline.QueryApi.Apis;

/// <summary>
/// <c>/api/archive</c>: the S3 archive's hour partitions and its logs of any time range (older than DynamoDB keeps
/// them), paged; <c>/api/replay</c>: replays of an archived range into <c>logs.raw</c> or the table, with progress.
/// Without an archive (<c>ConnectionStrings:archive</c>) they answer 503 problem details.
/// </summary>
public static class ArchiveApi
{
    public const int MaxArchiveLimit = 1000;
    public const int DefaultArchiveLimit = 100;
    public const int DefaultRatePerSecond = 200;
    public const int MaxRatePerSecond = 5_000;
    static readonly TimeSpan MaxArchiveRange = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapArchiveApi(this RouteGroupBuilder api)
    {
        var archive = api.MapGroup("/archive").WithTags("Archive");
        archive.MapGet("/partitions", GetPartitions).WithName("GetArchivePartitions").WithSummary("Archived hours (year=/month=/day=/hour= prefixes) in a range, with their object counts");
        archive.MapGet("/logs", GetLogs).WithName("GetArchivedLogs").WithSummary("Archived logs of a time range (any age), paged, read from the Parquet objects");
        var replay = api.MapGroup("/replay").WithTags("Replay");
        replay.MapPost("/", StartReplay).WithName("StartReplay").WithSummary("Replay an archived range into logs.raw (re-score) or the table (restore); 202 with the replay to poll");
        replay.MapGet("/{id}", GetReplay).WithName("GetReplay").WithSummary("A replay's progress");
        replay.MapDelete("/{id}", CancelReplay).WithName("CancelReplay").WithSummary("Stop a running replay");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<ArchivePartitionResponse>>, ValidationProblem, ProblemHttpResult>> GetPartitions(
        IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        if (services.GetService<ArchiveBucket>() is not { } archive)
        {
            return NoArchive();
        }

        var errors = new QueryErrors();
        var (fromMs, toMs) = ParseRange(from, to, TimeSpan.FromDays(1), clock, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The query parameters are not valid.");
        }

        var hours = new List<ArchivePartitionResponse>();
        await foreach (var key in archive.ListAsync(ArchiveObjectKey.HourOf(fromMs), ArchiveObjectKey.HourOf(toMs - 1), cancellationToken))
        {
            var hour = key.Hour.ToString("yyyy-MM-ddTHH:00:00Z", CultureInfo.InvariantCulture);
            if (hours.Count > 0 && hours[^1].Hour == hour)
            {
                hours[^1] = hours[^1] with { Objects = hours[^1].Objects + 1 };
            }
            else
            {
                hours.Add(new ArchivePartitionResponse(hour, ArchiveObjectKey.HourPrefix(key.Hour), 1));
            }
        }

        return TypedResults.Ok<IReadOnlyList<ArchivePartitionResponse>>(hours);
    }

    public static async Task<Results<Ok<ArchiveLogPageResponse>, ValidationProblem, ProblemHttpResult>> GetLogs(
        IServiceProvider services,
        TimeProvider clock,
        CancellationToken cancellationToken,
        [FromQuery] string? from = null,
        [FromQuery] string? to = null,
        [FromQuery] string? limit = null,
        [FromQuery] string? cursor = null)
    {
        if (services.GetService<ArchiveBucket>() is not { } archive)
        {
            return NoArchive();
        }

        var errors = new QueryErrors();
        var (fromMs, toMs) = ParseRange(from, to, TimeSpan.FromHours(1), clock, errors);
        var count = DefaultArchiveLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxArchiveLimit))
        {
            errors.Add("limit", string.Create(CultureInfo.InvariantCulture, $"limit must be a whole number from 1 to {MaxArchiveLimit}."));
        }

        var (afterKey, skipRows) = (string.Empty, 0L);
        if (cursor is not null && !TryReadCursor(cursor, out afterKey, out skipRows))
        {
            errors.Add("cursor", "cursor must be a next_cursor of this listing.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The query parameters are not valid.");
        }

        var items = new List<ScoredLog>(Math.Min(count, 256));
        await foreach (var key in archive.ListAsync(ArchiveObjectKey.HourOf(fromMs).AddHours(-1), ArchiveObjectKey.HourOf(toMs - 1), cancellationToken))
        {
            var name = key.ToString();
            var comparison = string.CompareOrdinal(name, afterKey);
            if (afterKey.Length > 0 && comparison < 0)
            {
                continue;
            }

            long row = 0;
            var skip = comparison == 0 ? skipRows : 0;
            await foreach (var log in archive.ReadAsync(key, cancellationToken))
            {
                if (row++ < skip || log.Log.Timestamp < fromMs || log.Log.Timestamp >= toMs)
                {
                    continue;
                }

                items.Add(log);
                if (items.Count == count)
                {
                    return TypedResults.Ok(new ArchiveLogPageResponse(items, items.Count, WriteCursor(name, row), fromMs, toMs));
                }
            }
        }

        return TypedResults.Ok(new ArchiveLogPageResponse(items, items.Count, null, fromMs, toMs));
    }

    public static Results<Accepted<ReplayResponse>, ValidationProblem, ProblemHttpResult> StartReplay(ReplayStartRequest? request, IServiceProvider services)
    {
        if (services.GetService<ReplayJobs>() is not { } jobs)
        {
            return NoArchive();
        }

        var errors = new QueryErrors();
        long fromMs = 0, toMs = 0;
        if (request?.From is null || !QueryParameters.TryParseTime(request.From, out fromMs))
        {
            errors.Add("from", "from must be epoch milliseconds or an ISO-8601 date-time.");
        }

        if (request?.To is null || !QueryParameters.TryParseTime(request.To, out toMs))
        {
            errors.Add("to", "to must be epoch milliseconds or an ISO-8601 date-time.");
        }
        else if (toMs <= fromMs)
        {
            errors.Add("to", "to must be after from.");
        }
        else if (TimeSpan.FromMilliseconds(toMs - fromMs) > MaxArchiveRange)
        {
            errors.Add("from", "a replay spans at most 366 days.");
        }

        ReplayTarget target = default;
        if (request?.Target is not { } text || !Enum.TryParse(text, ignoreCase: true, out target) || !Enum.IsDefined(target) || char.IsAsciiDigit(text[0]))
        {
            errors.Add("target", "target must be raw (re-score through logs.raw) or store (restore into DynamoDB).");
        }

        var rate = request?.RatePerSecond ?? DefaultRatePerSecond;
        if (rate is < 1 or > MaxRatePerSecond)
        {
            errors.Add("rate_per_second", string.Create(CultureInfo.InvariantCulture, $"rate_per_second must be from 1 to {MaxRatePerSecond}."));
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The replay request is not valid.");
        }

        if (!jobs.TryStart(new ReplayRequest(fromMs, toMs, target, rate), out var job))
        {
            return TypedResults.Problem(title: "A replay is running", detail: $"Replay {job.Id} is still running; wait for it or cancel it (DELETE /api/replay/{job.Id}).", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Accepted($"/api/replay/{job.Id}", ReplayResponse.Of(job));
    }

    public static Results<Ok<ReplayResponse>, ProblemHttpResult> GetReplay(string id, IServiceProvider services) =>
        services.GetService<ReplayJobs>()?.Find(id) is { } job
            ? TypedResults.Ok(ReplayResponse.Of(job))
            : TypedResults.Problem(title: "Replay not found", detail: $"No replay '{QueryParameters.Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound);

    public static Results<Accepted, ProblemHttpResult> CancelReplay(string id, IServiceProvider services) =>
        services.GetService<ReplayJobs>()?.Cancel(id) == true
            ? TypedResults.Accepted($"/api/replay/{id}")
            : TypedResults.Problem(title: "No running replay", detail: $"No running replay '{QueryParameters.Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound);

    static ProblemHttpResult NoArchive() => TypedResults.Problem(
        title: "No archive configured",
        detail: "Set ConnectionStrings:archive to the archive's S3 bucket (the AppHost does it with a reference to the bucket).",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    static (long From, long To) ParseRange(string? from, string? to, TimeSpan defaultSpan, TimeProvider clock, QueryErrors errors)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        long toMs = now, fromMs;
        if (to is not null && !QueryParameters.TryParseTime(to, out toMs))
        {
            errors.Add("to", "to must be epoch milliseconds or an ISO-8601 date-time.");
        }

        if (from is null)
        {
            fromMs = toMs - (long)defaultSpan.TotalMilliseconds;
        }
        else if (!QueryParameters.TryParseTime(from, out fromMs))
        {
            errors.Add("from", "from must be epoch milliseconds or an ISO-8601 date-time.");
        }
        else if (fromMs >= toMs)
        {
            errors.Add("from", "from must be before to.");
        }
        else if (TimeSpan.FromMilliseconds(toMs - fromMs) > MaxArchiveRange)
        {
            errors.Add("from", "from..to spans at most 366 days.");
        }

        return (fromMs, toMs);
    }

    static string WriteCursor(string key, long rows) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{rows}|{key}")));

    static bool TryReadCursor(string cursor, out string key, out long rows)
    {
        key = string.Empty;
        rows = 0;
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0 || !long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out rows) || !ArchiveObjectKey.TryParse(text[(bar + 1)..], out _))
            {
                return false;
            }

            key = text[(bar + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
