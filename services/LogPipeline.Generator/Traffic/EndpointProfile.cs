using System.Globalization;

namespace LogPipeline.Generator.Traffic;

/// <summary>
/// One endpoint of the simulated shop: how often it is hit relative to the others, how it answers and how fast.
/// A <c>{id}</c> segment in <see cref="Template"/> is filled with a numeric id on each request.
/// </summary>
public sealed class EndpointProfile
{
    const string IdPlaceholder = "{id}";

    readonly string _prefix;
    readonly string? _suffix;

    public EndpointProfile(string method, string template, string service, double medianMilliseconds, int medianBytes)
    {
        Method = method;
        Template = template;
        Service = service;
        MedianSeconds = medianMilliseconds / 1000;
        MedianBytes = medianBytes;
        var id = template.IndexOf(IdPlaceholder, StringComparison.Ordinal);
        _prefix = id < 0 ? template : template[..id];
        _suffix = id < 0 ? null : template[(id + IdPlaceholder.Length)..];
    }

    public string Method { get; }

    public string Template { get; }

    /// <summary>The backend that serves the endpoint, written to the <c>service</c> field.</summary>
    public string Service { get; }

    /// <summary>Median response time of a successful request; response times are log-normal around it.</summary>
    public double MedianSeconds { get; }

    /// <summary>Spread of the log-normal response time (sigma of its logarithm).</summary>
    public double LatencySigma { get; init; } = 0.35;

    public int MedianBytes { get; }

    public int SuccessStatus { get; init; } = 200;

    /// <summary>Share of requests answered with <see cref="ClientErrorStatus"/>.</summary>
    public double ClientErrorRate { get; init; } = 0.01;

    public int ClientErrorStatus { get; init; } = 404;

    /// <summary>Share of requests that are conditional and answered 304 Not Modified (static content).</summary>
    public double NotModifiedRate { get; init; }

    /// <summary>Successful requests are logged at DEBUG rather than INFO (static assets).</summary>
    public bool LogsAtDebug { get; init; }

    public bool HasId => _suffix is not null;

    public string PathFor(int id) => _suffix is null ? _prefix : string.Concat(_prefix, id.ToString(CultureInfo.InvariantCulture), _suffix);

    /// <summary>Whether a concrete request (<paramref name="method"/>, <paramref name="path"/>) is one of this endpoint's.</summary>
    public bool Matches(string method, ReadOnlySpan<char> path)
    {
        if (!string.Equals(method, Method, StringComparison.Ordinal))
        {
            return false;
        }

        if (_suffix is null)
        {
            return path.SequenceEqual(_prefix);
        }

        if (path.Length <= _prefix.Length + _suffix.Length || !path.StartsWith(_prefix) || !path.EndsWith(_suffix))
        {
            return false;
        }

        foreach (var c in path[_prefix.Length..^_suffix.Length])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"{Method} {Template}";
}
