namespace LogPipeline.LoadHarness.Tests;

/// <summary>The report's arithmetic on hand-made samples: throughput from offsets, lag trends, percentiles, the verdict.</summary>
public class LoadReportTests
{
    static readonly HarnessOptions Options = new() { Rates = [100, 1000], Duration = TimeSpan.FromSeconds(10) };

    [Fact]
    public void ThroughputComesFromTheOffsetsOverTheMeasuredWindowOnly()
    {
        var report = Report(writerLagGrowthAtSecondRate: 0);
        var first = report.Rates[0];
        Assert.Equal(10, first.MeasuredSeconds);
        Assert.Equal(100, first.ProducedPerSecond, 3);
        Assert.Equal(100, first.StoredPerSecond, 3);
        Assert.True(report.Rates.All(r => r.KeepsUp));
        Assert.StartsWith("The pipeline kept up at every rate, up to 1000 logs/s.", report.Verdict(), StringComparison.Ordinal);
    }

    [Fact]
    public void AGrowingLagNamesTheFirstRateAndTheStageThatFellBehind()
    {
        var report = Report(writerLagGrowthAtSecondRate: 300);
        Assert.True(report.Rates[0].KeepsUp);
        var second = report.Rates[1];
        Assert.False(second.KeepsUp);
        Assert.StartsWith("writer (lag grew 300 records/s", second.Limit, StringComparison.Ordinal);
        Assert.Equal(700, second.StoredPerSecond, 3);
        Assert.Same(second, report.FirstNotKeepingUp);
        Assert.Contains("first stops keeping up at 1000 logs/s: writer", report.Verdict(), StringComparison.Ordinal);
        Assert.Contains("| 1000 | 1000 | 1000 | 700 |", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void PercentilesAreNearestRank()
    {
        var p = Percentiles.Of(Enumerable.Range(1, 200).Select(i => (long)i).Reverse());
        Assert.Equal(new Percentiles(200, 100, 180, 198, 200), p);
        Assert.Equal(new Percentiles(0, 0, 0, 0, 0), Percentiles.Of([]));
    }

    [Fact]
    public void MarkedRecordsCountAsLostDoubledOrReadBack()
    {
        var read = new MarkedRecord("a", 0, 1_000);
        read.MarkAcknowledged(1_010);
        read.MarkScored(1_200);
        read.MarkScored(1_300);
        read.MarkQueryable(1_500);
        var lost = new MarkedRecord("b", 0, 1_000);
        lost.MarkAcknowledged(1_010);
        lost.MarkLost();
        var late = new MarkedRecord("c", 0, 1_000);
        late.MarkAcknowledged(1_010);
        late.MarkLost();
        late.MarkFoundLate();

        var report = LoadReport.Create(Options with { Rates = [100] }, 0, [], [], [read, lost, late], counterTotal: 3, drained: true, 10, 0);

        Assert.Equal(200, read.ScoredLatencyMs);
        Assert.Equal(500, read.QueryableLatencyMs);
        Assert.Equal(new DeliveryCheck(3, 3, 1, 1, 1, 2, 1, 3, Drained: true), report.Delivery);
        Assert.Equal(1, report.Delivery.Doubled);
        Assert.Equal(new Percentiles(1, 500, 500, 500, 500), report.Rates[0].QueryableLatency);
        Assert.Equal(1, report.Rates[0].Lost);
        Assert.Equal(1, report.Rates[0].Late);
        Assert.False(late.Lost);
    }

    /// <summary>Ten seconds measured per rate, one sample a second; the generator produces at the rate, the scorer keeps up.</summary>
    static LoadReport Report(double writerLagGrowthAtSecondRate)
    {
        var samples = new List<StageSample>();
        long at = 0, produced = 0, stored = 0;
        for (var index = 0; index < Options.Rates.Count; index++)
        {
            var rate = (long)Options.Rates[index];
            var growth = index == 1 ? (long)writerLagGrowthAtSecondRate : 0;
            for (var second = 0; second <= 10; second++)
            {
                var lag = produced - stored;
                samples.Add(new StageSample(at, new RunPhase(index, true), produced, produced, stored, stored, 0, 0, lag, lag));
                at += 1000;
                produced += rate;
                stored += rate - growth;
            }

            // Between rates the warm-up: not measured.
            samples.Add(new StageSample(at, new RunPhase(index + 1, false), produced, produced, stored, stored, 0, 0, produced - stored, 0));
        }

        return LoadReport.Create(Options, 0, samples, [], [], counterTotal: 0, drained: true, 0, 0);
    }
}
