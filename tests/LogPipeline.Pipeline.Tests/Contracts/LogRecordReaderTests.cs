using System.Text;
using LogPipeline.Contracts;

namespace LogPipeline.Pipeline.Tests.Contracts;

public class LogRecordReaderTests
{
    const string Flat = """
        {"log_identifier":"id-1","timestamp":1732200000123,"log_level":"INFO","ip_address":"10.0.0.1","user_id":"u1",
         "method":"GET","path":"/api/cart","status_code":200,"response_time":0.042,"message":"ok","bytes_sent":512}
        """;

    static LogRecord Read(string json)
    {
        Assert.True(LogRecordReader.TryRead(Encoding.UTF8.GetBytes(json), out var record, out var error), error);
        return record;
    }

    static string Reject(string json)
    {
        Assert.False(LogRecordReader.TryRead(Encoding.UTF8.GetBytes(json), out var record, out var error));
        Assert.Null(record);
        return error;
    }

    [Fact]
    public void ReadsTheFlatRecordWithTheArticleFieldNames()
    {
        var log = Read(Flat);
        Assert.Equal("id-1", log.LogIdentifier);
        Assert.Equal(1732200000123, log.Timestamp);
        Assert.Equal("GET", log.Method);
        Assert.Equal("/api/cart", log.Path);
        Assert.Equal(200, log.StatusCode);
        Assert.Equal(0.042, log.ResponseTime);
        Assert.Equal(512, log.BytesSent);
        Assert.Null(log.InjectedAnomaly);
    }

    [Fact]
    public void ReadsTheArticleProducerEnvelope()
    {
        var log = Read($$"""{"start":"LOG_START","log_message":{{Flat}},"stop":"LOG_END"}""");
        Assert.Equal("id-1", log.LogIdentifier);
    }

    [Fact]
    public void ReadsAnEnvelopeWhoseBodyIsAJsonString()
    {
        var inner = System.Text.Json.JsonSerializer.Serialize(Flat);
        var log = Read($$"""{"start":"LOG_START","log_message":{{inner}},"stop":"LOG_END"}""");
        Assert.Equal("/api/cart", log.Path);
    }

    [Theory]
    [InlineData("1732200000.5", 1732200000500)]
    [InlineData("1732200000", 1732200000000)]
    [InlineData("\"2024-11-21T14:40:00.250Z\"", 1732200000250)]
    [InlineData("\"2024-11-21T15:40:00.250+01:00\"", 1732200000250)]
    [InlineData("\"1732200000123\"", 1732200000123)]
    public void AcceptsEpochSecondsMillisecondsAndIso8601Timestamps(string timestamp, long expectedMs)
    {
        var log = Read(Flat.Replace("1732200000123", timestamp, StringComparison.Ordinal));
        Assert.Equal(expectedMs, log.Timestamp);
    }

    [Fact]
    public void DerivesTheLevelFromTheStatusWhenItIsMissing()
    {
        var log = Read(Flat.Replace("\"log_level\":\"INFO\",", "", StringComparison.Ordinal).Replace("200", "503", StringComparison.Ordinal));
        Assert.Equal("ERROR", log.LogLevel);
    }

    [Theory]
    [InlineData("", "empty message")]
    [InlineData("not json", "invalid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"log_identifier":"x","timestamp":1""", "invalid JSON")]
    public void RejectsWhatIsNotAJsonObject(string json, string reason) =>
        Assert.Contains(reason, Reject(json), StringComparison.Ordinal);

    [Theory]
    [InlineData("\"log_identifier\":\"id-1\",", "missing required field log_identifier")]
    [InlineData("\"path\":\"/api/cart\",", "missing required field path")]
    [InlineData("\"status_code\":200,", "missing required field status_code")]
    public void NamesTheMissingField(string removed, string reason) =>
        Assert.Equal(reason, Reject(Flat.Replace(removed, "", StringComparison.Ordinal)));

    [Theory]
    [InlineData("\"status_code\":200", "\"status_code\":\"abc\"", "status_code must be a number")]
    [InlineData("\"status_code\":200", "\"status_code\":true", "status_code must be a number, not a boolean")]
    [InlineData("\"status_code\":200", "\"status_code\":999", "not an HTTP status")]
    [InlineData("\"response_time\":0.042", "\"response_time\":-1", "between 0 and")]
    [InlineData("\"path\":\"/api/cart\"", "\"path\":{\"a\":1}", "path must be a string, not an object")]
    [InlineData("\"timestamp\":1732200000123", "\"timestamp\":\"yesterday\"", "neither epoch time nor ISO-8601")]
    [InlineData("\"log_level\":\"INFO\"", "\"log_level\":\"LOUD\"", "log_level 'LOUD'")]
    public void NamesTheWronglyTypedField(string original, string replacement, string reason) =>
        Assert.Contains(reason, Reject(Flat.Replace(original, replacement, StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void RejectsOversizedMessages()
    {
        var big = Flat.Replace("\"ok\"", "\"" + new string('x', LogRecordReader.MaxMessageBytes) + "\"", StringComparison.Ordinal);
        Assert.Contains("larger than", Reject(big), StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTripsThroughTheSerializer()
    {
        var log = Read(Flat) with { InjectedAnomaly = "latency_spike" };
        var bytes = new LogRecordSerializer().Serialize(log);
        Assert.True(LogRecordReader.TryRead(bytes, out var again, out var error), error);
        Assert.Equal(log, again);
    }
}
