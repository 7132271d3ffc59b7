using System.Globalization;
using LogPipeline.Replay;

namespace LogPipeline.QueryApi.Responses;

/// <summary>A replay and how far it got.</summary>
public sealed record ReplayResponse(
    string Id,
    string State,
    string Target,
    long From,
    long To,
    int RatePerSecond,
    long ObjectsRead,
    long ObjectsTotal,
    long InRange,
    long Sent,
    long AlreadyStored,
    long Duplicates,
    string StartedAt,
    string? FinishedAt,
    string? Error)
{
    public static ReplayResponse Of(ReplayJob job) => new(
        job.Id,
        job.State.ToString().ToLowerInvariant(),
        job.Request.Target.ToString().ToLowerInvariant(),
        job.Request.From,
        job.Request.To,
        job.Request.RatePerSecond,
        job.Progress.Objects,
        job.Progress.ObjectsTotal,
        job.Progress.InRange,
        job.Progress.Sent,
        job.Progress.AlreadyStored,
        job.Progress.Duplicates,
        job.StartedAt.ToString("O", CultureInfo.InvariantCulture),
        job.FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
        job.Error);
}
