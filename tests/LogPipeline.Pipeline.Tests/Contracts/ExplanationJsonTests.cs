using System.Text;
using System.Text.Json;
using LogPipeline.Contracts;

namespace LogPipeline.Pipeline.Tests.Contracts;

/// <summary>The verdict's optional explanation on <c>logs.scored</c>: written only when there is one, read back as written.</summary>
public class ExplanationJsonTests
{
    static ScoredLog Scored(string? explanation) => new(
        new LogRecord { LogIdentifier = "why-1", Timestamp = 1732200000123, LogLevel = "INFO", Method = "GET", Path = "/.env", StatusCode = 404, ResponseTime = 0.01 },
        new ScoreVerdict { AnomalyScore = 3.2, IsAnomaly = explanation is not null, Threshold = 2.5, ScoredAt = 1732200000200, Explanation = explanation });

    static byte[] Write(ScoredLog scored)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            LogRecordJson.Write(writer, scored);
        }

        return buffer.ToArray();
    }

    [Fact]
    public void AnExplanationIsWrittenAndReadBack()
    {
        var json = Write(Scored("client first seen (53 %); route never seen: /.env (40 %)"));

        Assert.True(LogRecordReader.TryReadScored(json, LogRecordRules.Default, null, out var read, out var error), error);
        Assert.Equal("client first seen (53 %); route never seen: /.env (40 %)", read.Verdict.Explanation);
    }

    [Fact]
    public void AVerdictWithoutExplanationWritesNoField()
    {
        var json = Write(Scored(null));

        Assert.DoesNotContain("explanation", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.True(LogRecordReader.TryReadScored(json, LogRecordRules.Default, null, out var read, out var error), error);
        Assert.Null(read.Verdict.Explanation);
    }
}
