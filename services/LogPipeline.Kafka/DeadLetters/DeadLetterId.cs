using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LogPipeline.Kafka.DeadLetters;

/// <summary>A dead letter's place in <c>logs.dlq</c>, written <c>{partition}-{offset}</c> (e.g. <c>1-42</c>).</summary>
public readonly record struct DeadLetterId(int Partition, long Offset)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Partition}-{Offset}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out DeadLetterId? id)
    {
        id = null;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || text.Length > 40 || dash <= 0
            || !int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }

        id = new DeadLetterId(partition, offset);
        return true;
    }
}
