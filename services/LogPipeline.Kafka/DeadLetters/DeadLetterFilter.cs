namespace LogPipeline.Kafka.DeadLetters;

/// <summary>Which dead letters to list: the stage that gave up (exact, any case) and a part of the reason (any case).</summary>
public sealed record DeadLetterFilter(string? Stage, string? Reason)
{
    public static DeadLetterFilter All { get; } = new(null, null);

    public bool Matches(DeadLetter letter) =>
        (Stage is null || string.Equals(letter.Stage, Stage, StringComparison.OrdinalIgnoreCase))
        && (Reason is null || letter.Reason.Contains(Reason, StringComparison.OrdinalIgnoreCase));
}
