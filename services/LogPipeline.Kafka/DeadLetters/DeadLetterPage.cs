namespace LogPipeline.Kafka.DeadLetters;

/// <summary>
/// Dead letters in topic order (partition by partition, oldest first), <see cref="Next"/> where the next page starts
/// (null at the end of the topic), and how many messages were read to fill the page.
/// </summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, DeadLetterId? Next, int Scanned);
