namespace LogPipeline.DetectionEvaluator;

/// <summary>
/// A burst the evaluator requested: the generator sends its records within one tick of the request, so the records
/// labelled <see cref="Kind"/> with timestamps from <see cref="RequestedAt"/> to <see cref="SentAt"/> (both in
/// epoch milliseconds, the generator's clock being this machine's) are the burst's.
/// </summary>
public sealed record BurstWindow(string Kind, int Count, long RequestedAt, long SentAt)
{
    public bool Contains(string? label, long timestamp) =>
        label == Kind && timestamp >= RequestedAt && timestamp <= SentAt;
}
