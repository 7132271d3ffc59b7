using LogPipeline.Contracts;

namespace LogPipeline.Storage.Counters;

/// <summary>
/// Names of the counters kept per time bucket. Each bucket of each granularity is ONE item of
/// <c>KafkaLogCounters</c> (<c>series</c> = <c>rollup:minute</c> or <c>rollup:hour</c>, <c>bucket</c> = its start
/// minute) with one number attribute per counter, so a consumer batch updates a handful of items, not one per
/// counter, and every counter of a bucket changes in the same atomic update. The number of counters per item is
/// bounded whatever the traffic: levels and status classes are fixed sets, and a bucket keeps its own counter for at
/// most <see cref="StorageOptions.MaxRoutesPerBucket"/> routes (the first to arrive, busiest first within a batch),
/// counting every other route under <see cref="OtherRoute"/>; <see cref="Routes"/> says how many it has.
/// </summary>
public static class CounterNames
{
    public const string Total = "total";
    public const string Anomalies = "anomalies";
    public const string ResponseTimeSum = "response_time_sum";

    /// <summary>How many routes have a counter of their own in the bucket item (it guards the bound on their number).</summary>
    public const string Routes = "routes";

    /// <summary>The route under which a full bucket counts every route without a counter of its own.</summary>
    public const string OtherRoute = "(other)";

    public const string LevelPrefix = "level:";
    public const string StatusPrefix = "status:";
    public const string PathPrefix = "path:";
    public const string PathAnomaliesPrefix = "path_anomalies:";
    public const string LatencyPrefix = "latency:";

    /// <summary>Longest path kept in a counter name; longer paths are cut (attribute names are part of the item size).</summary>
    public const int MaxPathLength = 200;

    static readonly string[] Levels = ["DEBUG", "INFO", "WARN", "ERROR"];
    static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];
    static readonly string[] LevelNames = Array.ConvertAll(Levels, l => LevelPrefix + l);
    static readonly string[] StatusNames = Array.ConvertAll(StatusClasses, s => StatusPrefix + s);
    static readonly string[] LatencyNames = CreateLatencyNames();

    public static IReadOnlyList<string> KnownLevels => Levels;

    public static IReadOnlyList<string> KnownStatusClasses => StatusClasses;

    public static string RollupSeries(CounterGranularity granularity) =>
        granularity == CounterGranularity.Minute ? "rollup:minute" : "rollup:hour";

    public static string OffsetsSeries(string topic) => "offsets:" + topic;

    /// <summary>The series of re-drive records of a dead-letter topic (one item per re-driven dead letter).</summary>
    public static string RedrivenSeries(string topic) => "redriven:" + topic;

    public static string Level(string level)
    {
        var index = Array.IndexOf(Levels, level);
        return index >= 0 ? LevelNames[index] : LevelPrefix + "other";
    }

    public static string StatusClass(int statusCode) =>
        statusCode is >= 100 and <= 599 ? StatusNames[(statusCode / 100) - 1] : StatusPrefix + "other";

    /// <summary>
    /// The request counter of a path's route (<see cref="LogRoutes.RouteOf"/>): one counter for
    /// <c>/products/{id}</c>, not one per product, so a bucket item stays far below DynamoDB's 400 KB item limit.
    /// </summary>
    public static string Path(string path) => PathPrefix + RouteOf(path);

    public static string PathAnomalies(string path) => PathAnomaliesPrefix + RouteOf(path);

    /// <summary>The route a path is counted under (before a full bucket sends it to <see cref="OtherRoute"/>).</summary>
    public static string RouteOf(string path) => Cut(LogRoutes.RouteOf(path));

    /// <summary>The request counter of a route, as returned by <see cref="RouteOf"/>.</summary>
    public static string RouteRequests(string route) => PathPrefix + route;

    /// <summary>The anomaly counter of a route, as returned by <see cref="RouteOf"/>.</summary>
    public static string RouteAnomalies(string route) => PathAnomaliesPrefix + route;

    /// <summary>A chartable name as stored: <c>path:/products/541</c> asks for <c>path:/products/{id}</c>.</summary>
    public static string Normalize(string name) =>
        name.StartsWith(PathPrefix, StringComparison.Ordinal) ? Path(name[PathPrefix.Length..])
        : name.StartsWith(PathAnomaliesPrefix, StringComparison.Ordinal) ? PathAnomalies(name[PathAnomaliesPrefix.Length..])
        : name;

    public static string Latency(int bucket) => LatencyNames[bucket];

    /// <summary>Whether <paramref name="name"/> is a series the API can chart.</summary>
    public static bool IsChartable(string name) =>
        name is Total or Anomalies or ResponseTimeSum
        || Array.IndexOf(LevelNames, name) >= 0
        || Array.IndexOf(StatusNames, name) >= 0
        || (name.StartsWith(PathPrefix, StringComparison.Ordinal) && name.Length > PathPrefix.Length)
        || (name.StartsWith(PathAnomaliesPrefix, StringComparison.Ordinal) && name.Length > PathAnomaliesPrefix.Length);

    static string Cut(string path) => path.Length > MaxPathLength ? path[..MaxPathLength] : path;

    static string[] CreateLatencyNames()
    {
        var names = new string[LatencyHistogram.BucketCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = LatencyPrefix + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        }

        return names;
    }
}
