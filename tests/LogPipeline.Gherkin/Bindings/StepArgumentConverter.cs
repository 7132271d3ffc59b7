using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LogPipeline.Gherkin.Bindings;

/// <summary>
/// Converts step text to parameter types, with the invariant culture: string, numbers, bool (also yes/no), enums
/// (by name, ignoring case, spaces, <c>-</c> and <c>_</c>), TimeSpan (<c>00:00:05</c>, or <c>5s</c>, <c>250 ms</c>,
/// <c>2 minutes</c>), nullable types (empty text is null), and anything with a string <see cref="TypeConverter"/>
/// (Guid, DateTime, DateTimeOffset, Uri, …).
/// </summary>
public static partial class StepArgumentConverter
{
    /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>; throws <see cref="FormatException"/> when it cannot.</summary>
    public static object? Convert(string value, Type type)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(string) || type == typeof(object))
        {
            return value;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return value.Length == 0 ? null : Convert(value, underlying);
        }

        var text = value.Trim();
        try
        {
            return type switch
            {
                _ when type.IsEnum => ToEnum(text, type),
                _ when type == typeof(bool) => ToBoolean(text),
                _ when type == typeof(TimeSpan) => ToTimeSpan(text),
                _ when type == typeof(decimal) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ when type == typeof(double) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ when type == typeof(float) => float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ when type.IsPrimitive => System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture),
                _ => FromTypeConverter(text, type),
            };
        }
        catch (Exception ex) when (ex is not FormatException)
        {
            throw new FormatException($"'{value}' is not a valid {type.Name}: {ex.Message}", ex);
        }
    }

    static object ToEnum(string text, Type type)
    {
        if (Enum.TryParse(type, text, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed))
        {
            return parsed;
        }

        var wanted = Normalize(text);
        var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(Normalize(n), wanted, StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse(type, name)
            : throw new FormatException($"'{text}' is not one of {type.Name}'s values: {string.Join(", ", Enum.GetNames(type))}.");
    }

    static string Normalize(string name) => new([.. name.Where(char.IsLetterOrDigit)]);

    static bool ToBoolean(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw new FormatException($"'{text}' is not a valid Boolean (true/false, yes/no)."),
    };

    static TimeSpan ToTimeSpan(string text)
    {
        var match = DurationWithUnit().Match(text);
        if (!match.Success)
        {
            return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }

        var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" or "millisecond" or "milliseconds" => TimeSpan.FromMilliseconds(amount),
            "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(amount),
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(amount),
            "h" or "hour" or "hours" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    static object FromTypeConverter(string text, Type type)
    {
        var converter = TypeDescriptor.GetConverter(type);
        return converter.CanConvertFrom(typeof(string))
            ? converter.ConvertFromInvariantString(text) ?? throw new FormatException($"'{text}' converted to null.")
            : throw new FormatException($"There is no conversion from text to {type.FullName}.");
    }

    [GeneratedRegex(@"^(?<amount>\d+(?:\.\d+)?)\s*(?<unit>ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationWithUnit();
}
