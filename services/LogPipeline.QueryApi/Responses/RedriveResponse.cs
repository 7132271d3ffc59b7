using System.Text.Json;
using LogPipeline.Kafka.DeadLetters;

namespace LogPipeline.QueryApi.Responses;

/// <summary>What a re-drive did: how many went back, how many failed again (and why), and what was skipped.</summary>
public sealed record RedriveResponse(
    int Requested,
    int Redriven,
    int FailedAgain,
    int AlreadyStored,
    int AlreadyRedriven,
    int Duplicates,
    int NotFound,
    IReadOnlyList<RedriveItemResponse> Items)
{
    public static RedriveResponse From(RedriveResult result) => new(
        result.Items.Count,
        result.Count(RedriveOutcome.Redriven),
        result.Count(RedriveOutcome.FailedAgain),
        result.Count(RedriveOutcome.AlreadyStored),
        result.Count(RedriveOutcome.AlreadyRedriven),
        result.Count(RedriveOutcome.Duplicate),
        result.Count(RedriveOutcome.NotFound),
        result.Items.Select(i => new RedriveItemResponse(i.Id.ToString(), JsonNamingPolicy.SnakeCaseLower.ConvertName(i.Outcome.ToString()), i.LogId, i.Reason)).ToList());
}
