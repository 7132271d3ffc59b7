using System.Globalization;
using LogPipeline.QueryApi.Paging;

namespace LogPipeline.QueryApi.Apis;

/// <summary>Parses and checks the query parameters the API areas share.</summary>
static class QueryParameters
{
    public const string From = "from";
    public const string To = "to";
    public const string Limit = "limit";
    public const string Cursor = "cursor";

    /// <summary>Epoch milliseconds (an integer) or an ISO-8601 date-time (UTC unless it says otherwise).</summary>
    public static bool TryParseTime(string text, out long epochMs)
    {
        epochMs = 0;
        text = text.Trim();
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out epochMs)
                && epochMs <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
        }

        // ISO-8601 only (yyyy-MM-dd, optionally with a time and offset), not every format DateTimeOffset accepts.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-' && (text.Length == 10 || text[10] is 'T' or 't')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            epochMs = time.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }

    public static int ParseLimit(string? text, QueryApiOptions options, QueryErrors errors)
    {
        if (text is null)
        {
            return options.DefaultLimit;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1 || limit > options.MaxLimit)
        {
            errors.Add(Limit, $"limit must be an integer from 1 to {options.MaxLimit}.");
            return options.DefaultLimit;
        }

        return limit;
    }

    /// <summary>
    /// The time range: given values, else the cursor's, else <paramref name="defaultSpan"/> (at most
    /// <paramref name="maxRange"/>) up to now. A value that contradicts the cursor is an error on <c>cursor</c>; a range
    /// wider than <paramref name="maxRange"/> is an error on <c>from</c>.
    /// </summary>
    public static (long From, long To) ParseRange(string? from, string? to, TimeSpan defaultSpan, TimeSpan maxRange, PageCursor? cursor, TimeProvider clock, QueryErrors errors)
    {
        var toMs = Parse(to, To, cursor?.To) ?? clock.GetUtcNow().ToUnixTimeMilliseconds();
        var fromMs = Parse(from, From, cursor?.From) ?? toMs - (long)TimeSpan.FromTicks(Math.Min(defaultSpan.Ticks, maxRange.Ticks)).TotalMilliseconds;
        if (!errors.ByParameter.ContainsKey(From) && !errors.ByParameter.ContainsKey(To))
        {
            if (fromMs > toMs)
            {
                errors.Add(From, "from must not be later than to.");
            }
            else if (toMs - fromMs > (long)maxRange.TotalMilliseconds)
            {
                errors.Add(From, $"The range from..to spans more than the {maxRange.TotalDays:0.##} days one request may read; narrow it and page through.");
            }
        }

        return (fromMs, toMs);

        long? Parse(string? text, string name, long? fromCursor)
        {
            if (text is null)
            {
                return fromCursor;
            }

            if (!TryParseTime(text, out var value))
            {
                errors.Add(name, $"{name} must be epoch milliseconds or an ISO-8601 date-time, not '{Shorten(text)}'.");
                return fromCursor ?? 0;
            }

            if (fromCursor is { } expected && expected != value)
            {
                errors.Add(Cursor, $"The cursor belongs to a query with a different {name}.");
            }

            return value;
        }
    }

    public static PageCursor? ParseCursor(string? text, string kind, CursorProtector protector, QueryErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (!protector.TryUnprotect(text, out var cursor) || cursor.Kind != kind)
        {
            errors.Add(Cursor, "cursor is not a valid cursor for this endpoint (it may have been altered or come from another deployment).");
            return null;
        }

        return cursor;
    }

    /// <summary>A filter's value: the one given, checked against the cursor's, else the cursor's.</summary>
    public static string? WithCursor(string name, string? given, string? fromCursor, PageCursor? cursor, QueryErrors errors)
    {
        if (cursor is null)
        {
            return given;
        }

        if (given is not null && !string.Equals(given, fromCursor, StringComparison.Ordinal))
        {
            errors.Add(Cursor, $"The cursor belongs to a query with a different {name}.");
        }

        return given ?? fromCursor;
    }

    public static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
