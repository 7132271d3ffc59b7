using System.Globalization;
using LogPipeline.Kafka.DeadLetters;
using LogPipeline.QueryApi.Responses;
using LogPipeline.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LogPipeline.QueryApi.Apis;

/// <summary>
/// <c>/api/deadletters</c>: what <c>logs.dlq</c> holds, by stage and reason, and the re-drive of selected dead letters
/// into <c>logs.raw</c> (see <see cref="DeadLetterRedriver"/>).
/// </summary>
public static class DeadLettersApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxRedrive = 500;

    /// <summary>Messages one listing request may read (a filter that matches little still answers promptly, with a cursor).</summary>
    public const int MaxScannedPerPage = 10_000;

    /// <summary>Messages a summary reads at most; past that it says it is not complete.</summary>
    public const int MaxScannedPerSummary = 100_000;

    public static RouteGroupBuilder MapDeadLettersApi(this RouteGroupBuilder api)
    {
        var deadLetters = api.MapGroup("/deadletters").WithTags("Dead letters");
        deadLetters.MapGet("/", GetDeadLetters)
            .WithName("GetDeadLetters")
            .WithSummary("Dead letters in topic order, optionally of one stage and with a reason containing a text");
        deadLetters.MapGet("/summary", GetSummary)
            .WithName("GetDeadLetterSummary")
            .WithSummary("Dead letters counted by stage and reason");
        deadLetters.MapPost("/redrive", Redrive)
            .WithName("RedriveDeadLetters")
            .WithSummary("Send selected dead letters back into logs.raw, once per log id; counts what went back and what failed again");
        return api;
    }

    public static async Task<Results<Ok<DeadLetterPageResponse>, ValidationProblem>> GetDeadLetters(
        DeadLetterTopicReader reader,
        CancellationToken cancellationToken,
        [FromQuery] string? stage = null,
        [FromQuery] string? reason = null,
        [FromQuery] string? limit = null,
        [FromQuery] string? cursor = null)
    {
        var errors = new QueryErrors();
        var filter = ParseFilter(stage, reason, errors);
        var count = ParseLimit(limit, errors);
        DeadLetterId? from = null;
        if (cursor is not null && !DeadLetterId.TryParse(cursor, out from))
        {
            errors.Add(nameof(cursor), "cursor must be a next_cursor of this listing ({partition}-{offset}).");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The query parameters are not valid.");
        }

        var page = await reader.ReadPageAsync(filter, from, count, MaxScannedPerPage, cancellationToken);
        return TypedResults.Ok(new DeadLetterPageResponse(
            page.Items.Select(DeadLetterResponse.From).ToList(), page.Items.Count, page.Next?.ToString(), page.Scanned));
    }

    public static async Task<Results<Ok<DeadLetterSummaryResponse>, ValidationProblem>> GetSummary(
        DeadLetterTopicReader reader,
        CancellationToken cancellationToken,
        [FromQuery] string? stage = null,
        [FromQuery] string? reason = null)
    {
        var errors = new QueryErrors();
        var filter = ParseFilter(stage, reason, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The query parameters are not valid.");
        }

        var page = await reader.ReadPageAsync(filter, null, MaxScannedPerSummary, MaxScannedPerSummary, cancellationToken);
        var groups = page.Items
            .GroupBy(l => (l.Stage, l.Reason))
            .Select(g => new DeadLetterGroupResponse(g.Key.Stage, g.Key.Reason, g.Count(), g.First().Id.ToString(), g.Last().Id.ToString()))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Stage, StringComparer.Ordinal)
            .ThenBy(g => g.Reason, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new DeadLetterSummaryResponse(groups, page.Items.Count, page.Next is null));
    }

    public static async Task<Results<Ok<RedriveResponse>, ValidationProblem>> Redrive(
        RedriveRequest? request,
        DeadLetterRedriver redriver,
        LogQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var ids = new List<DeadLetterId>();
        if (request?.Ids is not { Count: > 0 } given)
        {
            errors.Add("ids", "ids must list at least one dead letter id ({partition}-{offset}, as GET /api/deadletters lists them).");
        }
        else if (given.Count > MaxRedrive)
        {
            errors.Add("ids", string.Create(CultureInfo.InvariantCulture, $"at most {MaxRedrive} dead letters per request."));
        }
        else
        {
            foreach (var text in given)
            {
                if (DeadLetterId.TryParse(text, out var id))
                {
                    ids.Add(id.Value);
                }
                else
                {
                    errors.Add("ids", $"'{QueryParameters.Shorten(text ?? "null")}' is not a dead letter id ({{partition}}-{{offset}}).");
                }
            }
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ByParameter, title: "The re-drive request is not valid.");
        }

        var result = await redriver.RedriveAsync(ids, async (logId, ct) => await queries.GetByIdAsync(logId, ct) is not null, cancellationToken);
        return TypedResults.Ok(RedriveResponse.From(result));
    }

    static DeadLetterFilter ParseFilter(string? stage, string? reason, QueryErrors errors)
    {
        if (stage is { } s && (s.Length is 0 or > 64 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors.Add(nameof(stage), "stage must be 1 to 64 letters, digits, '-', '_' or '.' (e.g. scorer, writer).");
        }

        if (reason is not null && (reason.Length is 0 or > 256))
        {
            errors.Add(nameof(reason), "reason must be 1 to 256 characters.");
        }

        return new DeadLetterFilter(stage, reason);
    }

    static int ParseLimit(string? text, QueryErrors errors)
    {
        if (text is null)
        {
            return DefaultLimit;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > MaxLimit)
        {
            errors.Add("limit", string.Create(CultureInfo.InvariantCulture, $"limit must be a whole number from 1 to {MaxLimit}."));
            return DefaultLimit;
        }

        return value;
    }
}
