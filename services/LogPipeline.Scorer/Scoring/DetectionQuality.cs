namespace LogPipeline.Scorer.Scoring;

/// <summary>
/// Precision and recall of <c>is_anomaly</c> against the generator's ground-truth label <c>injected_anomaly</c>,
/// overall and per injected kind.
/// </summary>
public sealed class DetectionQuality
{
    readonly Lock _lock = new();
    readonly Dictionary<string, (long Injected, long Flagged)> _byKind = new(StringComparer.Ordinal);
    long _truePositives, _falsePositives, _falseNegatives, _trueNegatives;

    public void Record(string? injectedKind, bool flagged)
    {
        lock (_lock)
        {
            if (injectedKind is null)
            {
                if (flagged)
                {
                    _falsePositives++;
                }
                else
                {
                    _trueNegatives++;
                }

                return;
            }

            if (flagged)
            {
                _truePositives++;
            }
            else
            {
                _falseNegatives++;
            }

            var (injected, caught) = _byKind.GetValueOrDefault(injectedKind);
            _byKind[injectedKind] = (injected + 1, caught + (flagged ? 1 : 0));
        }
    }

    public DetectionQualitySnapshot Snapshot()
    {
        lock (_lock)
        {
            return new DetectionQualitySnapshot(
                _truePositives, _falsePositives, _falseNegatives, _trueNegatives,
                Ratio(_truePositives, _truePositives + _falsePositives),
                Ratio(_truePositives, _truePositives + _falseNegatives),
                _byKind.ToDictionary(kv => kv.Key, kv => new KindRecall(kv.Value.Injected, kv.Value.Flagged, Ratio(kv.Value.Flagged, kv.Value.Injected))));
        }
    }

    static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
}

public sealed record DetectionQualitySnapshot(
    long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives,
    double? Precision, double? Recall, IReadOnlyDictionary<string, KindRecall> ByKind);

public sealed record KindRecall(long Injected, long Flagged, double? Recall);
