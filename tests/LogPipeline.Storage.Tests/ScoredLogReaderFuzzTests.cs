using System.Text;
using LogPipeline.Contracts;
using LogPipeline.Storage.Tests.Infrastructure;

namespace LogPipeline.Storage.Tests;

/// <summary>Hostile and random <c>logs.scored</c> bytes fed to the writer's reader: it never throws, every answer is valid or reasoned.</summary>
public class ScoredLogReaderFuzzTests
{
    static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    static string Valid() => Encoding.UTF8.GetString(new LogRecordSerializer().Serialize(TestLogs.Log("fuzz-1", Now - 60_000)));

    public static TheoryData<string, string, string> Poison => new()
    {
        { "lone surrogate", "\"log_identifier\":\"fuzz-1\"", "\"log_identifier\":\"\\udc00\"" },
        { "timestamp 1e19", $"\"timestamp\":{Now - 60_000}", "\"timestamp\":1e19" },
        { "timestamp beyond year 9999", $"\"timestamp\":{Now - 60_000}", "\"timestamp\":253402300800000" },
        { "timestamp years ago", $"\"timestamp\":{Now - 60_000}", "\"timestamp\":946684800000" },
        { "status a string", "\"status_code\":200", "\"status_code\":\"200x\"" },
        { "score NaN", "\"anomaly_score\":1", "\"anomaly_score\":\"NaN\"" },
        { "response time huge", "\"response_time\":0.005", "\"response_time\":1e300" },
        { "deep nesting", "\"message\":\"request fuzz-1\"", "\"message\":" + new string('[', 100) + new string(']', 100) },
        { "path an object", "\"path\":\"/api/orders\"", "\"path\":{}" },
        { "score missing", "\"anomaly_score\":1,", "" },
        { "verdict flag a number", "\"is_anomaly\":false", "\"is_anomaly\":0" },
        { "threshold infinite", "\"threshold\":3", "\"threshold\":\"Infinity\"" },
        { "scored_at negative", $"\"scored_at\":{Now - 60_000 + 50}", "\"scored_at\":-1" },
        { "model with a lone surrogate", "\"model\":\"rcf-local\"", "\"model\":\"rcf\\ud800\"" },
    };

    [Theory]
    [MemberData(nameof(Poison))]
    public void EachClassOfPoisonIsRejectedWithAReason(string poison, string original, string replacement)
    {
        var json = Valid();
        Assert.Contains(original, json, StringComparison.Ordinal);
        Assert.False(LogRecordReader.TryReadScored(Encoding.UTF8.GetBytes(json.Replace(original, replacement, StringComparison.Ordinal)), LogRecordRules.Default, Now, out var log, out var error), poison);
        Assert.Null(log);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void RandomAndMutatedMessagesNeverThrow()
    {
        var random = new Random(4242);
        var template = Encoding.UTF8.GetBytes(Valid());
        Assert.True(LogRecordReader.TryReadScored(template, LogRecordRules.Default, Now, out _, out var templateError), templateError);
        var valid = 0;
        for (var i = 0; i < 20_000; i++)
        {
            byte[] bytes;
            if (i % 4 == 0)
            {
                bytes = new byte[random.Next(0, 400)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = (byte[])template.Clone();
                for (var m = random.Next(1, 4); m > 0; m--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)"\"\\{}[],:0123456789eE-+.nNaIu\u00ff"[random.Next(29)];
                }
            }

            if (LogRecordReader.TryReadScored(bytes, LogRecordRules.Default, Now, out var log, out var error))
            {
                Assert.Null(LogRecordRules.Default.Check(log.Log, Now));
                valid++;
            }
            else
            {
                Assert.Null(log);
                Assert.False(string.IsNullOrWhiteSpace(error));
            }
        }

        Assert.InRange(valid, 100, 19_000);
    }
}
