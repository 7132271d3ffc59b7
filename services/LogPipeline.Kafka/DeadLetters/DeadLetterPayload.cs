using System.Text;

namespace LogPipeline.Kafka.DeadLetters;

/// <summary>
/// A dead letter's bytes made safe to show: at most <see cref="MaxPreviewBytes"/> of them, as text when they are valid
/// UTF-8 (the JSON encoder then escapes every markup character) and as base64 otherwise. Never interpreted.
/// </summary>
public readonly record struct DeadLetterPayload(string Text, string Encoding, bool Cut, int Size)
{
    public const int MaxPreviewBytes = 2_048;

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DeadLetterPayload Of(byte[] value)
    {
        var length = Math.Min(value.Length, MaxPreviewBytes);
        // Do not cut a UTF-8 sequence in half: step back to the start of the last character.
        while (length < value.Length && length > 0 && (value[length] & 0xC0) == 0x80)
        {
            length--;
        }

        try
        {
            return new(StrictUtf8.GetString(value, 0, length), "utf-8", length < value.Length, value.Length);
        }
        catch (DecoderFallbackException)
        {
            return new(Convert.ToBase64String(value, 0, Math.Min(value.Length, MaxPreviewBytes)), "base64", value.Length > MaxPreviewBytes, value.Length);
        }
    }
}
