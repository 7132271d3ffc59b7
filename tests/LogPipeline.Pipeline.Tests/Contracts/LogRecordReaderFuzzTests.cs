using System.Text;
using LogPipeline.Contracts;

namespace LogPipeline.Pipeline.Tests.Contracts;

/// <summary>
/// Hostile and random bytes fed to the scorer's reader: it never throws, and every answer is either a record that
/// passes the shared rules or a reason.
/// </summary>
public class LogRecordReaderFuzzTests
{
    static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    static string Valid(long timestamp) => $$"""
        {"log_identifier":"id-1","timestamp":{{timestamp}},"log_level":"INFO","ip_address":"10.0.0.1","user_id":"u1",
         "method":"GET","path":"/api/cart","status_code":200,"response_time":0.042,"message":"ok","bytes_sent":512}
        """;

    public static TheoryData<string, string, string> Poison => new()
    {
        { "lone low surrogate", "\"log_identifier\":\"id-1\"", "\"log_identifier\":\"\\udc00\"" },
        { "lone high surrogate", "\"path\":\"/api/cart\"", "\"path\":\"/a\\ud800b\"" },
        { "timestamp 1e19", $"\"timestamp\":{Now}", "\"timestamp\":1e19" },
        { "timestamp NaN", $"\"timestamp\":{Now}", "\"timestamp\":\"NaN\"" },
        { "timestamp Infinity", $"\"timestamp\":{Now}", "\"timestamp\":\"Infinity\"" },
        { "timestamp 1e400", $"\"timestamp\":{Now}", "\"timestamp\":1e400" },
        { "timestamp years ago", $"\"timestamp\":{Now}", "\"timestamp\":946684800000" },
        { "timestamp next week", $"\"timestamp\":{Now}", $"\"timestamp\":{Now + (7 * 86_400_000L)}" },
        { "status NaN", "\"status_code\":200", "\"status_code\":\"NaN\"" },
        { "status 1e19", "\"status_code\":200", "\"status_code\":1e19" },
        { "response time Infinity", "\"response_time\":0.042", "\"response_time\":\"Infinity\"" },
        { "response time a year", "\"response_time\":0.042", "\"response_time\":31536000" },
        { "bytes 1e30", "\"bytes_sent\":512", "\"bytes_sent\":1e30" },
        { "bytes negative", "\"bytes_sent\":512", "\"bytes_sent\":-5" },
        { "bytes NaN", "\"bytes_sent\":512", "\"bytes_sent\":\"NaN\"" },
        { "identifier too long", "\"log_identifier\":\"id-1\"", $"\"log_identifier\":\"{new string('i', 513)}\"" },
        { "identifier an array", "\"log_identifier\":\"id-1\"", "\"log_identifier\":[1]" },
        { "path a boolean", "\"path\":\"/api/cart\"", "\"path\":true" },
        { "NUL in message", "\"message\":\"ok\"", "\"message\":\"a\\u0000b\"" },
        { "deep nesting", "\"message\":\"ok\"", "\"extra\":" + new string('[', 200) + new string(']', 200) },
    };

    [Theory]
    [MemberData(nameof(Poison))]
    public void EachClassOfPoisonIsRejectedWithAReason(string poison, string original, string replacement)
    {
        var json = Valid(Now);
        Assert.Contains(original, json, StringComparison.Ordinal);
        var error = Reject(Encoding.UTF8.GetBytes(json.Replace(original, replacement, StringComparison.Ordinal)));
        Assert.False(string.IsNullOrWhiteSpace(error), poison);
    }

    [Fact]
    public void InvalidUtf8IsRejectedWithAReason()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid(Now));
        var at = Encoding.UTF8.GetString(bytes).IndexOf("/api/cart", StringComparison.Ordinal) + 1;
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        Assert.Contains("invalid", Reject(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void TheTimestampWindowIsMeasuredFromTheReferenceTime()
    {
        var window = new LogRecordRules(new RecordValidationOptions { MaxAge = TimeSpan.FromHours(1), MaxAhead = TimeSpan.FromMinutes(1) });
        var json = Encoding.UTF8.GetBytes(Valid(Now - TimeSpan.FromHours(2).Ticks / TimeSpan.TicksPerMillisecond));
        Assert.False(LogRecordReader.TryRead(json, window, Now, out _, out var error));
        Assert.Contains("plausibility window", error, StringComparison.Ordinal);
        Assert.True(LogRecordReader.TryRead(json, window, Now - 3_600_000, out _, out error), error);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            AssertValidOrReasoned(bytes);
        }
    }

    [Fact]
    public void MutatedRecordsNeverThrowAndAreValidOrReasoned()
    {
        var random = new Random(1212);
        var template = Encoding.UTF8.GetBytes(Valid(Now));
        string[] fragments = ["\\udc00", "\\ud83d", "1e19", "-1e308", "NaN", "\"Infinity\"", "null", "[", "]", "{", "}", "\"", ",", ":", "\\u0000", "9999999999999999999999", "true", "\u00e9", "\\"];
        var valid = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = template.ToList();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                        break;
                    case 2:
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(fragments[random.Next(fragments.Length)]));
                        break;
                    default:
                        var from = random.Next(bytes.Count);
                        bytes.InsertRange(at, bytes.GetRange(from, Math.Min(10, bytes.Count - from)));
                        break;
                }
            }

            valid += AssertValidOrReasoned(bytes.ToArray()) ? 1 : 0;
        }

        // The mutations must leave some records readable, or the test would only exercise the rejections.
        Assert.InRange(valid, 100, 19_900);
    }

    static bool AssertValidOrReasoned(byte[] bytes)
    {
        var read = LogRecordReader.TryRead(bytes, LogRecordRules.Default, Now, out var record, out var error);
        if (read)
        {
            Assert.NotNull(record);
            Assert.Null(LogRecordRules.Default.Check(record, Now));
            return true;
        }

        Assert.Null(record);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return false;
    }

    static string Reject(byte[] bytes)
    {
        Assert.False(LogRecordReader.TryRead(bytes, LogRecordRules.Default, Now, out var record, out var error));
        Assert.Null(record);
        return error;
    }
}
