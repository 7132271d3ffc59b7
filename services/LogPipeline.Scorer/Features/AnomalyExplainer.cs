using System.Globalization;
using LogPipeline.Contracts;

namespace LogPipeline.Scorer.Features;

/// <summary>
/// Turns the model's attribution of a flagged log (the score split over <see cref="LogFeatureExtractor"/>'s features,
/// high and low side) into a short explanation in the log's own terms, strongest reason first, e.g.
/// <c>response time 30.0 s, 40x this route's usual (85 %); client first seen (10 %)</c>. Raw values come from the log
/// and from the features, inverted (the extractor keeps the per-route and per-client baselines). Stateless.
/// </summary>
public sealed class AnomalyExplainer
{
    // The extractor's features, in its order.
    public const int ResponseTime = 0;
    public const int StatusRarity = 1;
    public const int PathNovelty = 2;
    public const int ClientNewness = 3;
    public const int ClientRate = 4;
    public const int ServerErrorSurge = 5;

    /// <summary>Features with less than this share of the score are left out (the strongest one never is).</summary>
    public const double MinimumShare = 0.15;

    /// <summary>At most this many reasons.</summary>
    public const int MaxReasons = 3;

    /// <summary>
    /// The explanation of a log scored <paramref name="score"/>, from its features and attribution (one high and one
    /// low part per feature); empty when the score is not positive.
    /// </summary>
    public string Explain(LogRecord log, ReadOnlySpan<float> features, double score, ReadOnlySpan<double> high, ReadOnlySpan<double> low)
    {
        if (!(score > 0))
        {
            return "";
        }

        Span<int> order = stackalloc int[LogFeatureExtractor.FeatureCount];
        Span<double> shares = stackalloc double[LogFeatureExtractor.FeatureCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            shares[i] = (high[i] + low[i]) / score;
        }

        // Insertion sort by share, largest first: a handful of entries.
        for (var i = 1; i < order.Length; i++)
        {
            for (var j = i; j > 0 && shares[order[j]] > shares[order[j - 1]]; j--)
            {
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
            }
        }

        var reasons = new List<string>(MaxReasons);
        foreach (var feature in order)
        {
            var share = shares[feature];
            if (reasons.Count == MaxReasons || (reasons.Count > 0 && share < MinimumShare))
            {
                break;
            }

            var reason = Describe(feature, log, features, above: high[feature] >= low[feature]);
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{reason} ({share:P0})"));
        }

        return string.Join("; ", reasons);
    }

    string Describe(int feature, LogRecord log, ReadOnlySpan<float> features, bool above) => feature switch
    {
        ResponseTime => DescribeResponseTime(log, features[ResponseTime], firstOnRoute: features[PathNovelty] >= 1, above),
        StatusRarity => above
            ? $"status {log.StatusCode} ({StatusClass(log.StatusCode)}, level {log.LogLevel}), rare on this route"
            : $"status {log.StatusCode}, usual on this route",
        PathNovelty => DescribeRoute(LogRoutes.RouteOf(log.Path), features[PathNovelty], above),
        ClientNewness => DescribeClient(features[ClientNewness], above),
        ClientRate => above ? DescribeRate(features[ClientRate]) : "a client quieter than usual",
        ServerErrorSurge => log.StatusCode >= 500 ? DescribeSurge(features[ServerErrorSurge]) : "not a server error",
        _ => $"feature {feature}",
    };

    static string DescribeResponseTime(LogRecord log, float logRatio, bool firstOnRoute, bool above)
    {
        var seconds = Math.Max(0, log.ResponseTime);
        var value = seconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F0} ms");

        // The feature is log10 of the response time over the route's usual one, or the site's for a route never seen
        // (see LogFeatureExtractor).
        var ratio = Math.Pow(10, logRatio);
        var usual = firstOnRoute ? "the site's usual (a route never seen)" : "this route's usual";
        return above || ratio >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"response time {value}, {ratio:0.#}x {usual}")
            : string.Create(CultureInfo.InvariantCulture, $"response time {value}, 1/{1 / ratio:0.#} of {usual}");
    }

    static string StatusClass(int status) => status >= 500 ? "server error" : status >= 400 ? "client error" : "success";

    static string DescribeRoute(string route, float novelty, bool above)
    {
        var seenBefore = (int)Math.Round((1 / novelty) - 1);
        return !above ? $"route {route}, a common one"
            : seenBefore == 0 ? $"route never seen: {route}"
            : $"route seen {seenBefore} time{(seenBefore == 1 ? "" : "s")} before: {route}";
    }

    static string DescribeRate(float rate)
    {
        var requests = Math.Round(Math.Pow(2, rate) - 1);
        return string.Create(CultureInfo.InvariantCulture, $"{requests:F0} request{(requests == 1 ? "" : "s")} from this client in the last ~15 s");
    }

    // Newness also weighs how rare new clients are lately (see LogFeatureExtractor), so it does not tell an age.
    static string DescribeClient(float newness, bool above) =>
        !above || newness < 0.05 ? "a long-known client" : "client first seen moments ago";

    static string DescribeSurge(float surge)
    {
        var errors = Math.Round(LogFeatureExtractor.ServerErrorsBehind(surge));
        return errors <= 1
            ? "a server error, none other on this route in the last ~10 s"
            : string.Create(CultureInfo.InvariantCulture, $"{errors:F0} server errors on this route in the last ~10 s");
    }
}
