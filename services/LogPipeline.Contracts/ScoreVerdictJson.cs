using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LogPipeline.Contracts;

/// <summary>
/// The verdict's fields in a <c>logs.scored</c> message, written and read in this one place: a new verdict field is a
/// name, a line in <see cref="WriteFields"/> and a case in <see cref="Fields"/>.
/// </summary>
public static class ScoreVerdictJson
{
    public const string AnomalyScore = "anomaly_score";
    public const string IsAnomaly = "is_anomaly";
    public const string Threshold = "threshold";
    public const string ThresholdMode = "threshold_mode";
    public const string ScoredAt = "scored_at";
    public const string Model = "model";
    public const string Explanation = "explanation";

    static readonly JsonEncodedText AnomalyScoreName = JsonEncodedText.Encode(AnomalyScore);
    static readonly JsonEncodedText IsAnomalyName = JsonEncodedText.Encode(IsAnomaly);
    static readonly JsonEncodedText ThresholdName = JsonEncodedText.Encode(Threshold);
    static readonly JsonEncodedText ThresholdModeName = JsonEncodedText.Encode(ThresholdMode);
    static readonly JsonEncodedText ScoredAtName = JsonEncodedText.Encode(ScoredAt);
    static readonly JsonEncodedText ModelName = JsonEncodedText.Encode(Model);
    static readonly JsonEncodedText ExplanationName = JsonEncodedText.Encode(Explanation);

    /// <summary>Longest explanation read back: a few short reasons.</summary>
    public const int MaxExplanationLength = 1024;

    public static void WriteFields(Utf8JsonWriter writer, ScoreVerdict verdict)
    {
        writer.WriteNumber(AnomalyScoreName, verdict.AnomalyScore);
        writer.WriteBoolean(IsAnomalyName, verdict.IsAnomaly);
        writer.WriteNumber(ThresholdName, verdict.Threshold);
        writer.WriteString(ThresholdModeName, verdict.ThresholdMode);
        writer.WriteNumber(ScoredAtName, verdict.ScoredAt);
        writer.WriteString(ModelName, verdict.Model);
        if (verdict.Explanation is not null)
        {
            writer.WriteString(ExplanationName, verdict.Explanation);
        }
    }

    /// <summary>The verdict's fields as <see cref="LogRecordReader"/> meets them; never throws.</summary>
    internal struct Fields
    {
        double? _score, _threshold, _scoredAt;
        bool? _isAnomaly;
        string? _mode, _model, _explanation;

        /// <summary>False with a null <paramref name="error"/> when <paramref name="name"/> is not a verdict field.</summary>
        public bool TryAssign(string name, ref Utf8JsonReader reader, out string? error)
        {
            switch (name)
            {
                case AnomalyScore: return JsonFieldReader.TryNumber(ref reader, name, out _score, out error);
                case IsAnomaly: return JsonFieldReader.TryBoolean(ref reader, name, out _isAnomaly, out error);
                case Threshold: return JsonFieldReader.TryNumber(ref reader, name, out _threshold, out error);
                case ThresholdMode: return JsonFieldReader.TryString(ref reader, name, out _mode, out error);
                case ScoredAt: return JsonFieldReader.TryNumber(ref reader, name, out _scoredAt, out error);
                case Model: return JsonFieldReader.TryString(ref reader, name, out _model, out error);
                case Explanation: return JsonFieldReader.TryString(ref reader, name, out _explanation, out error);
                default:
                    error = null;
                    return false;
            }
        }

        public readonly bool TryBuild([NotNullWhen(true)] out ScoreVerdict? verdict, [NotNullWhen(false)] out string? error)
        {
            verdict = null;
            error = _score is null ? $"missing required field {AnomalyScore}"
                : !double.IsFinite(_score.Value) ? $"{AnomalyScore} must be a finite number"
                : _isAnomaly is null ? $"missing required field {IsAnomaly}"
                : _threshold is { } t && !double.IsFinite(t) ? $"{Threshold} must be a finite number"
                : _scoredAt is { } at && !(at >= 0 && at < LogRecordRules.MaxEpochMilliseconds) ? $"{ScoredAt} must be epoch milliseconds"
                : LogRecordRules.CheckText(_mode, ThresholdMode, 32, required: false)
                ?? LogRecordRules.CheckText(_model, Model, LogRecordRules.MaxIdentifierLength, required: false)
                ?? LogRecordRules.CheckText(_explanation, Explanation, MaxExplanationLength, required: false);
            if (error is not null)
            {
                return false;
            }

            verdict = new ScoreVerdict
            {
                AnomalyScore = _score!.Value,
                IsAnomaly = _isAnomaly!.Value,
                Threshold = _threshold ?? 0,
                ThresholdMode = string.IsNullOrEmpty(_mode) ? ScoreVerdict.FixedMode : _mode,
                ScoredAt = (long)(_scoredAt ?? 0),
                Model = _model ?? "",
                Explanation = _explanation,
            };
            return true;
        }
    }
}
