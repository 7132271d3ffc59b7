using System.Globalization;
using LogPipeline.Specs.Support;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>
/// Detection quality judged from the outside (<see cref="LabelledWindow"/>): the generator's labels on what it sent
/// in the scenario's own window against the verdicts read back through the Query API; and the anomaly query.
/// </summary>
[Binding]
public sealed class DetectionSteps(PipelineApp pipeline, Outages outages, ITestOutputHelper output)
{
    /// <summary>Scores the adaptive threshold learns from before it replaces the fixed one (Pipeline:Scorer:Threshold:WarmUp).</summary>
    const int ThresholdWarmUp = 500;

    static readonly TimeSpan WarmUpTimeout = TimeSpan.FromMinutes(3);

    /// <summary>How long the records of a window may take to be scored and stored, all of them.</summary>
    static readonly TimeSpan WindowTimeout = TimeSpan.FromSeconds(90);

    string _kind = "";
    int _count;
    long _burstStarted;
    LabelledWindow? _window;
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
        _burstStarted = Now();
        await pipeline.Generator.BurstAsync(kind, count);
        await Eventually.UntilAsync(
            ct => pipeline.Generator.PendingBurstRecordsAsync(kind, ct),
            pending => pending == 0,
            WindowTimeout,
            $"the generator has sent the {count} {kind} records",
            pending => $"{pending} to send");
    }

    [Given("the generator has injected a burst of {int} {word} records")]
    public async Task GivenTheGeneratorHasInjectedABurst(int count, string kind)
    {
        await WhenTheGeneratorInjectsABurst(count, kind);
        await BurstWindowAsync();
    }

    [Then("at least {int}% of the burst is flagged as anomalous")]
    public async Task ThenTheBurstIsFlagged(int percent)
    {
        var window = await BurstWindowAsync();
        var labelled = window.Labelled(_kind);
        var flagged = window.FlaggedOf(_kind);
        var recall = (double)flagged / labelled;
        output.WriteLine($"{_kind}: {flagged} of the {labelled} records labelled {_kind} in the window are flagged (recall {recall:P0}, floor {percent}%)");
        if (recall < percent / 100.0)
        {
            output.WriteLine(window.DescribeScores());
        }

        Assert.True(recall >= percent / 100.0, $"only {flagged} of {labelled} {_kind} records were flagged ({recall:P0}, floor {percent}%)");
    }

    [Then("at least {int}% of the logs flagged meanwhile were injected anomalies")]
    public async Task ThenThePrecisionIsAtLeast(int percent)
    {
        var window = await BurstWindowAsync();
        var truePositives = window.FlaggedInjected;
        var falsePositives = window.FlaggedNormal;
        var precision = (double)truePositives / Math.Max(1, truePositives + falsePositives);
        output.WriteLine($"flagged in the window: {truePositives} labelled anomalies, {falsePositives} of {window.Normal} normal records (precision {precision:P0}, floor {percent}%)");
        Assert.True(precision >= percent / 100.0, $"{falsePositives} normal records were flagged beside {truePositives} injected ones ({precision:P0}, floor {percent}%)");
    }

    [When("at least {int} more normal logs have been scored and stored")]
    public async Task WhenNormalLogsHaveBeenStored(int count)
    {
        var from = Now();
        var to = 0L;
        await Eventually.UntilAsync(
            async ct =>
            {
                to = Now();
                return (await pipeline.Query.ListLogsAsync(from, to, null, ct)).Count(l => l["injected_anomaly"] is null);
            },
            normal => normal >= count,
            WindowTimeout,
            $"{count} more normal logs are stored",
            normal => $"{normal} stored",
            TimeSpan.FromSeconds(1));
        _window = await LabelledWindow.ReadAsync(pipeline.Query, from, to, w => w.Normal >= count, "every record of the window is stored", WindowTimeout);
        output.WriteLine(_window.Summary());
    }

    [Then("at most {int}% of them are flagged as anomalous")]
    public void ThenAtMostSomeAreFlagged(int percent)
    {
        var flagged = _window!.FlaggedNormal;
        var normal = _window.Normal;
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

    static long Scored(ScorerClient.Quality q) => q.TruePositives + q.FalsePositives + q.TrueNegatives + q.FalseNegatives;

    static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    List<double> Scores() => [.. _pages.SelectMany(p => p.Items).Select(i => i["anomaly_score"]!.GetValue<double>())];

    /// <summary>
    /// The generator's records from the burst request until the whole burst was stored (what went through the
    /// pipeline meanwhile), read once every record of that window is stored.
    /// </summary>
    async Task<LabelledWindow> BurstWindowAsync()
    {
        if (_window is null)
        {
            var burstStored = await Eventually.UntilAsync(
                async ct =>
                {
                    var now = Now();
                    var logs = await pipeline.Query.ListLogsAsync(_burstStarted, now, null, ct);
                    return (At: now, Labelled: logs.Count(l => l["injected_anomaly"]?.GetValue<string>() == _kind));
                },
                seen => seen.Labelled >= _count,
                WindowTimeout,
                $"the {_count} {_kind} records are stored",
                seen => $"{seen.Labelled} stored",
                TimeSpan.FromSeconds(1));
            _window = await LabelledWindow.ReadAsync(
                pipeline.Query, _burstStarted, burstStored.At, w => w.Labelled(_kind) >= _count, $"every record sent while the {_kind} burst went through is stored", WindowTimeout);
            output.WriteLine(_window.Summary());
        }

        return _window;
    }
}
