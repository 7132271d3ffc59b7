using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Maps <c>Content-Type</c> and <c>Accept</c> to the formats the endpoint reads and writes.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string JsonLines = "application/jsonlines";
    public const string Csv = "text/csv";

    public const string SupportedInput = "application/json, text/csv, application/jsonlines";
    public const string SupportedOutput = "application/json, application/jsonlines";

    public static bool TryGetInputFormat(string? contentType, out InputFormat format)
    {
        var mediaType = MediaTypeOf(contentType);
        if (mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            format = InputFormat.Json;
            return true;
        }

        if (mediaType.Equals(Csv, StringComparison.OrdinalIgnoreCase))
        {
            format = InputFormat.Csv;
            return true;
        }

        if (IsJsonLines(mediaType))
        {
            format = InputFormat.JsonLines;
            return true;
        }

        format = default;
        return false;
    }

    /// <summary>The acceptable format with the highest quality; JSON when there is no <c>Accept</c> header.</summary>
    public static bool TryGetOutputFormat(StringValues accept, out OutputFormat format)
    {
        format = OutputFormat.Json;
        if (StringValues.IsNullOrEmpty(accept))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= bestQuality)
            {
                continue;
            }

            var mediaType = range.MediaType.AsSpan();
            if (mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || mediaType is "*/*" || mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                (format, bestQuality) = (OutputFormat.Json, quality);
            }
            else if (IsJsonLines(mediaType))
            {
                (format, bestQuality) = (OutputFormat.JsonLines, quality);
            }
        }

        return bestQuality > 0;
    }

    public static string ContentTypeOf(OutputFormat format) => format == OutputFormat.JsonLines ? JsonLines : Json;

    private static ReadOnlySpan<char> MediaTypeOf(string? contentType)
    {
        var value = contentType.AsSpan();
        var parameters = value.IndexOf(';');
        return (parameters < 0 ? value : value[..parameters]).Trim();
    }

    // SageMaker documents application/jsonlines; the other names are common spellings of the same format.
    private static bool IsJsonLines(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals(JsonLines, StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/x-jsonlines", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase);
}
