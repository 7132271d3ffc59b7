using BenchmarkDotNet.Attributes;
using LogPipeline.Contracts;
using LogPipeline.Scorer.Features;

namespace LogPipeline.Scorer.Benchmarks;

/// <summary>
/// The scorer's own cost per record around the model call, with and without explanations: feature extraction alone,
/// extraction plus learning the route baselines (<see cref="LogFeatureExtractor.Learn"/>), and the explanation of one anomaly (<see cref="AnomalyExplainer.Explain"/>). One operation is one
/// record. The model's side (attribution in the forest) is in the RCF benchmarks' <c>AttributionBenchmarks</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ExplanationBenchmarks
{
    private const int Records = 10_000;
    private readonly float[] _features = new float[LogFeatureExtractor.FeatureCount];
    private readonly double[] _high = [2.5, 0.1, 0.05, 0.6, 0.2];
    private readonly double[] _low = [0, 0, 0, 0, 0.05];
    private LogRecord[] _logs = [];
    private LogFeatureExtractor _extractor = null!;
    private AnomalyExplainer _explainer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        string[] routes = ["/products/{0}", "/api/cart", "/api/orders/{0}", "/search?q={0}", "/users/{0}/profile", "/static/app.js"];
        _logs = new LogRecord[Records];
        for (var i = 0; i < Records; i++)
        {
            _logs[i] = new LogRecord
            {
                LogIdentifier = $"log-{i}",
                Timestamp = 1_700_000_000_000 + (i * 50L),
                LogLevel = "INFO",
                IpAddress = $"10.0.{random.Next(4)}.{random.Next(200)}",
                Method = "GET",
                Path = string.Format(System.Globalization.CultureInfo.InvariantCulture, routes[random.Next(routes.Length)], random.Next(100_000)),
                StatusCode = random.Next(100) < 3 ? 404 : 200,
                ResponseTime = 0.02 + (random.NextDouble() * 0.2),
            };
        }

        _extractor = new LogFeatureExtractor();
        _explainer = new AnomalyExplainer();
        foreach (var log in _logs)
        {
            _extractor.Extract(log, _features);
            _extractor.Learn(log, flagged: false);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public void Extract()
    {
        foreach (var log in _logs)
        {
            _extractor.Extract(log, _features);
        }
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public void ExtractAndLearn()
    {
        foreach (var log in _logs)
        {
            _extractor.Extract(log, _features);
            _extractor.Learn(log, flagged: false);
        }
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int ExplainAnomaly()
    {
        var length = 0;
        foreach (var log in _logs)
        {
            _extractor.Extract(log, _features);
            length += _explainer.Explain(log, _features, 3.5, _high, _low).Length;
        }

        return length;
    }
}
