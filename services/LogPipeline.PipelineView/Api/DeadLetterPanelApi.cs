using LogPipeline.Kafka.DeadLetters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LogPipeline.PipelineView.Api;

/// <summary>
/// <c>/api/pipeline/deadletters</c>: the dead-letter panel's data — <c>logs.dlq</c> counted by stage and reason, and
/// the first dead letters matching a stage and a part of the reason, payloads as data (see <see cref="DeadLetterPayload"/>).
/// Read-only: re-drives go through the Query API, behind its key.
/// </summary>
public static class DeadLetterPanelApi
{
    const int Shown = 20;
    const int MaxScanned = 20_000;

    public static RouteGroupBuilder MapDeadLetterPanelApi(this RouteGroupBuilder api)
    {
        api.MapGet("/deadletters", GetAsync);
        return api;
    }

    static async Task<Results<Ok<DeadLetterPanel>, ValidationProblem>> GetAsync(
        DeadLetterTopicReader reader, CancellationToken cancellationToken, [FromQuery] string? stage = null, [FromQuery] string? reason = null)
    {
        if (stage is { Length: > 64 } || reason is { Length: > 256 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = ["stage is at most 64 and reason at most 256 characters."] });
        }

        var all = await reader.ReadPageAsync(DeadLetterFilter.All, null, MaxScanned, MaxScanned, cancellationToken);
        var filter = new DeadLetterFilter(string.IsNullOrWhiteSpace(stage) ? null : stage, string.IsNullOrWhiteSpace(reason) ? null : reason);
        var groups = all.Items
            .GroupBy(l => (l.Stage, l.Reason))
            .Select(g => new DeadLetterGroup(g.Key.Stage, g.Key.Reason, g.Count()))
            .OrderByDescending(g => g.Count)
            .ToList();
        var items = all.Items.Where(filter.Matches).Take(Shown).Select(l =>
        {
            var payload = DeadLetterPayload.Of(l.Value);
            return new DeadLetterRow(l.Id.ToString(), l.Stage, l.Reason, l.FailedAt, payload.Text, payload.Encoding, payload.Cut, payload.Size);
        }).ToList();
        return TypedResults.Ok(new DeadLetterPanel(groups, items, all.Items.Count, all.Next is null));
    }

    public sealed record DeadLetterPanel(IReadOnlyList<DeadLetterGroup> Groups, IReadOnlyList<DeadLetterRow> Items, int Total, bool Complete);

    public sealed record DeadLetterGroup(string Stage, string Reason, int Count);

    public sealed record DeadLetterRow(string Id, string Stage, string Reason, DateTimeOffset? FailedAt, string Payload, string PayloadEncoding, bool PayloadCut, int PayloadSize);
}
