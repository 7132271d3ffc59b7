using System.Globalization;
using LogPipeline.Specs.Support;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>
/// Detection quality, measured with the scorer's own counts against the generator's labels
/// (<c>/api/scorer/quality</c>) over the scenario's window, and the anomaly query.
/// </summary>
[Binding]
public sealed class DetectionSteps(PipelineApp pipeline, Outages outages, ITestOutputHelper output)
{
    /// <summary>Scores the adaptive threshold learns from before it replaces the fixed one (Pipeline:Scorer:Threshold:WarmUp).</summary>
    const int ThresholdWarmUp = 500;

    static readonly TimeSpan WarmUpTimeout = TimeSpan.FromMinutes(3);
    static readonly TimeSpan ScoringTimeout = TimeSpan.FromSeconds(60);

    ScorerClient.Quality? _before;
    ScorerClient.Quality? _after;
    string _kind = "";
    int _count;
    long _burstStarted;
    readonly List<QueryApiClient.Page> _pages = [];
    double _minScore;

    [Given("the generator produces {int} logs per second")]
    public Task GivenTheGeneratorProduces(int perSecond) => outages.SetRateAsync(perSecond);

    [Given("the anomaly model has warmed up on {int} logs")]
    public async Task GivenTheModelHasWarmedUp(int logs)
    {
        var quality = await Eventually.UntilAsync(
            ct => pipeline.Scorer.QualityAsync(ct),
            q => Scored(q) >= logs,
            WarmUpTimeout,
            $"the scorer has scored {logs} logs",
            q => $"{Scored(q)} scored",
            TimeSpan.FromSeconds(1));
        output.WriteLine($"the model has scored {Scored(quality)} logs");

        var threshold = await Eventually.UntilAsync(
            ct => pipeline.Scorer.ThresholdAsync(ct),
            t => t.ScoresObserved >= ThresholdWarmUp,
            WarmUpTimeout,
            $"the scorer's threshold has learnt from {ThresholdWarmUp} scores",
            t => $"{t.ScoresObserved} scores, threshold {t.Current:F3} ({t.Mode})",
            TimeSpan.FromSeconds(1));
        output.WriteLine($"threshold {threshold.Current:F3} ({threshold.Mode}) after {threshold.ScoresObserved} scores");
    }

    [When("the generator injects a burst of {int} {word} records")]
    public async Task WhenTheGeneratorInjectsABurst(int count, string kind)
    {
        _kind = kind;
        _count = count;
        _before = await pipeline.Scorer.QualityAsync();
        _burstStarted = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await pipeline.Generator.BurstAsync(kind, count);
    }

    [Given("the generator has injected a burst of {int} {word} records")]
    public async Task GivenTheGeneratorHasInjectedABurst(int count, string kind)
    {
        await WhenTheGeneratorInjectsABurst(count, kind);
        await WaitUntilTheBurstIsScoredAsync();
    }

    [Then("at least {int}% of the burst is flagged as anomalous")]
    public async Task ThenTheBurstIsFlagged(int percent)
    {
        var after = await WaitUntilTheBurstIsScoredAsync();
        var injected = after.Kind(_kind).Injected - _before!.Kind(_kind).Injected;
        var flagged = after.Kind(_kind).Flagged - _before.Kind(_kind).Flagged;
        var recall = (double)flagged / injected;
        output.WriteLine($"{_kind}: {flagged} of {injected} flagged (recall {recall:P0}, floor {percent}%)");
        if (recall < percent / 100.0)
        {
            await DescribeBurstScoresAsync();
        }

        Assert.True(recall >= percent / 100.0, $"only {flagged} of {injected} {_kind} records were flagged ({recall:P0}, floor {percent}%)");
    }

    [Then("at least {int}% of the logs flagged meanwhile were injected anomalies")]
    public void ThenThePrecisionIsAtLeast(int percent)
    {
        var truePositives = _after!.TruePositives - _before!.TruePositives;
        var falsePositives = _after.FalsePositives - _before.FalsePositives;
        var precision = (double)truePositives / Math.Max(1, truePositives + falsePositives);
        output.WriteLine($"flagged meanwhile: {truePositives} injected, {falsePositives} normal (precision {precision:P0}, floor {percent}%)");
        Assert.True(precision >= percent / 100.0, $"{falsePositives} normal logs were flagged beside {truePositives} injected ones ({precision:P0}, floor {percent}%)");
    }

    [When("at least {int} more normal logs have been scored")]
    public async Task WhenNormalLogsHaveBeenScored(int count)
    {
        _before = await pipeline.Scorer.QualityAsync();
        _after = await Eventually.UntilAsync(
            ct => pipeline.Scorer.QualityAsync(ct),
            q => Normal(q) - Normal(_before) >= count,
            ScoringTimeout,
            $"{count} more normal logs are scored",
            q => $"{Normal(q) - Normal(_before)} scored",
            TimeSpan.FromSeconds(1));

        static long Normal(ScorerClient.Quality q) => q.TrueNegatives + q.FalsePositives;
    }

    [Then("at most {int}% of them are flagged as anomalous")]
    public void ThenAtMostSomeAreFlagged(int percent)
    {
        var flagged = _after!.FalsePositives - _before!.FalsePositives;
        var normal = flagged + _after.TrueNegatives - _before.TrueNegatives;
        var rate = (double)flagged / normal;
        output.WriteLine($"normal traffic: {flagged} of {normal} flagged ({rate:P1}, ceiling {percent}%)");
        Assert.True(rate <= percent / 100.0, $"{flagged} of {normal} normal logs were flagged ({rate:P1}, ceiling {percent}%)");
    }

    [When("I ask the Query API for anomalies scoring at least {double} since the burst, {int} per page")]
    public async Task WhenIAskForAnomalies(double minScore, int limit)
    {
        _minScore = minScore;
        var from = _burstStarted - 60_000;
        var to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000;
        var query = $"/api/anomalies?minScore={minScore.ToString(CultureInfo.InvariantCulture)}&from={from}&to={to}&limit={limit}";
        var first = await Eventually.UntilAsync(
            ct => pipeline.Query.GetPageAsync(query, ct),
            page => page.Items.Count == limit,
            StoreChecks.StoreTimeout,
            $"a full page of anomalies scoring at least {minScore} is stored",
            page => $"{page.Items.Count} anomalies",
            TimeSpan.FromSeconds(1));
        _pages.Add(first);
        while (_pages.Count < 3 && _pages[^1].NextCursor is { } cursor)
        {
            _pages.Add(await pipeline.Query.GetPageAsync($"/api/anomalies?limit={limit}&cursor={Uri.EscapeDataString(cursor)}"));
        }
    }

    [Then("every anomaly returned scores at least {double}")]
    public void ThenEveryAnomalyScoresAtLeast(double minScore)
    {
        var scores = Scores();
        output.WriteLine($"{_pages.Count} page(s) of anomalies at or above {_minScore}: {string.Join(", ", scores.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}");
        Assert.NotEmpty(scores);
        Assert.All(scores, s => Assert.True(s >= minScore, $"score {s} is below {minScore}"));
    }

    [Then("they come highest score first, across pages")]
    public void ThenTheyComeHighestFirst()
    {
        var scores = Scores();
        Assert.Equal(scores.OrderDescending(), scores);
        var ids = _pages.SelectMany(p => p.Items).Select(i => i["log_identifier"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>For a failing recall: the stored scores of the burst's records against the threshold they met.</summary>
    async Task DescribeBurstScoresAsync()
    {
        try
        {
            var threshold = await pipeline.Scorer.ThresholdAsync();
            output.WriteLine($"threshold now {threshold.Current:F3} ({threshold.Mode}) after {threshold.ScoresObserved} scores");
            var logs = await Eventually.UntilAsync(
                ct => pipeline.Query.ListLogsAsync(_burstStarted - 5_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000, null, ct),
                l => l.Count(i => i["injected_anomaly"]?.GetValue<string>() == _kind) >= _count,
                TimeSpan.FromSeconds(30),
                "the burst is stored");
            foreach (var log in logs.Where(i => i["injected_anomaly"]?.GetValue<string>() == _kind).Take(_count))
            {
                output.WriteLine($"  {log["path"]} {log["status_code"]} {log["response_time"]}s from {log["ip_address"]}: score {log["anomaly_score"]}, threshold {log["threshold"]}, flagged {log["is_anomaly"]}");
            }

            var normal = logs.Where(i => i["injected_anomaly"] is null).Select(i => i["anomaly_score"]!.GetValue<double>()).Order().ToList();
            if (normal.Count > 0)
            {
                output.WriteLine($"  normal logs meanwhile: {normal.Count}, median score {normal[normal.Count / 2]:F3}, p99 {normal[(int)(normal.Count * 0.99)]:F3}");
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            output.WriteLine("(could not read the burst's scores: " + ex.Message + ")");
        }
    }

    static long Scored(ScorerClient.Quality q) => q.TruePositives + q.FalsePositives + q.TrueNegatives + q.FalseNegatives;

    List<double> Scores() => [.. _pages.SelectMany(p => p.Items).Select(i => i["anomaly_score"]!.GetValue<double>())];

    async Task<ScorerClient.Quality> WaitUntilTheBurstIsScoredAsync() =>
        _after ??= await Eventually.UntilAsync(
            ct => pipeline.Scorer.QualityAsync(ct),
            q => q.Kind(_kind).Injected - _before!.Kind(_kind).Injected >= _count,
            ScoringTimeout,
            $"the {_count} {_kind} records are scored",
            q => q.ToString(),
            TimeSpan.FromSeconds(1));

}
