using LogPipeline.Kafka.DeadLetters;

namespace LogPipeline.QueryApi.Responses;

/// <summary>
/// One dead letter. <c>payload</c> is data, never markup: at most 2 KiB of the message, as JSON-escaped text when it is
/// UTF-8 (<c>payload_encoding</c> <c>utf-8</c>) or base64 otherwise; <c>payload_cut</c> says this is not all of it.
/// </summary>
public sealed record DeadLetterResponse(
    string Id,
    string Stage,
    string Reason,
    string? SourceTopic,
    int? SourcePartition,
    long? SourceOffset,
    string? FailedAt,
    bool Truncated,
    long? OriginalSize,
    string? Key,
    string Payload,
    string PayloadEncoding,
    bool PayloadCut,
    int PayloadSize)
{
    public static DeadLetterResponse From(DeadLetter letter)
    {
        var payload = DeadLetterPayload.Of(letter.Value);
        return new(
            letter.Id.ToString(),
            letter.Stage,
            letter.Reason,
            letter.SourceTopic,
            letter.SourcePartition,
            letter.SourceOffset,
            letter.FailedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            letter.Truncated,
            letter.OriginalSize,
            letter.Key is { Length: > 256 } key ? key[..256] : letter.Key,
            payload.Text,
            payload.Encoding,
            payload.Cut,
            payload.Size);
    }
}
