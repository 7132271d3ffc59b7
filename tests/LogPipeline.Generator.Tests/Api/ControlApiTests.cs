using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Generator.Api;
using LogPipeline.Generator.Tests.Infrastructure;
using LogPipeline.Generator.Traffic;
using LogPipeline.Kafka;

namespace LogPipeline.Generator.Tests.Api;

public sealed partial class ControlApiTests(GeneratorFixture fixture) : IClassFixture<GeneratorFixture>
{
    HttpClient Client => fixture.Client;

    static LogRecord KnownRecord(int i) => new()
    {
        LogIdentifier = Guid.CreateVersion7().ToString(),
        Timestamp = 1_700_000_000_000 + i,
        LogLevel = "WARN",
        IpAddress = $"10.1.2.{i}",
        UserId = $"tester-{i}",
        Method = "POST",
        Path = $"/api/orders/{i}",
        StatusCode = 422,
        ResponseTime = 0.125 + i,
        Message = $"hand-made record {i} with \"quotes\" and ünïcødé",
        BytesSent = 512 + i,
        Service = "ordering-api",
        InjectedAnomaly = i == 1 ? AnomalyLabels.UnusualIp : null,
    };

    static StringContent JsonArray(IEnumerable<string> elements) =>
        new("[" + string.Join(",", elements) + "]", Encoding.UTF8, "application/json");

    static LogRecord ReadRecord(ConsumeResult<byte[]?, byte[]?> result)
    {
        Assert.True(LogRecordReader.TryRead(result.Message.Value, out var record, out var error), error);
        return record;
    }

    [GeneratedRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$")]
    private static partial Regex TraceParent();

    [Fact]
    public async Task PublishedLogsArriveKeyedByTheirIdsWithTheSameFieldsAndATraceParent()
    {
        using var reader = fixture.ReadFromNow();
        var records = Enumerable.Range(1, 3).Select(KnownRecord).ToList();

        using var response = await Client.PostAsync("/control/logs",
            JsonArray(records.Select(r => Encoding.UTF8.GetString(new LogRecordSerializer().Serialize(r)))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var published = await response.Content.ReadFromJsonAsync<LogsPublished>();
        Assert.Equal(records.Select(r => r.LogIdentifier), published!.Ids);
        var arrived = reader.Read(3);
        arrived.AddRange(reader.ReadToEnd());
        Assert.Equal(3, arrived.Count);
        foreach (var message in arrived)
        {
            var record = ReadRecord(message);
            Assert.Equal(record.LogIdentifier, Encoding.UTF8.GetString(message.Message.Key!));
            Assert.Equal(records.Single(r => r.LogIdentifier == record.LogIdentifier), record);
            Assert.True(message.Message.Headers.TryGetLastBytes(KafkaTraceContext.TraceParentHeader, out var traceParent));
            Assert.Matches(TraceParent(), Encoding.ASCII.GetString(traceParent));
        }
    }

    [Fact]
    public async Task LogsInTheArticlesEnvelopeArePublishedInTheContractForm()
    {
        using var reader = fixture.ReadFromNow();
        const string Envelope = """
            {"start":"LOG_START","log_message":{"log_identifier":"envelope-1","timestamp":"2024-05-01T12:00:00Z","log_level":"info",
             "ip_address":"192.0.2.1","user_id":"u1","method":"get","path":"/","status_code":"200","response_time":0.05,"message":"ok"},"stop":"LOG_END"}
            """;

        using var response = await Client.PostAsync("/control/logs", JsonArray([Envelope]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single(reader.Read(1));
        var json = Encoding.UTF8.GetString(message.Message.Value!);
        Assert.StartsWith("{\"log_identifier\":\"envelope-1\",\"timestamp\":1714564800000,\"log_level\":\"INFO\"", json);
        var record = ReadRecord(message);
        Assert.Equal(("GET", 200), (record.Method, record.StatusCode));
    }

    [Fact]
    public async Task ABatchWithOneBadRecordIsRejectedWholeNamingTheIndexAndTheField()
    {
        using var reader = fixture.ReadFromNow();
        var good = Encoding.UTF8.GetString(new LogRecordSerializer().Serialize(KnownRecord(1)));
        var missingPath = good.Replace("\"path\":", "\"not_path\":", StringComparison.Ordinal);

        using var response = await Client.PostAsync("/control/logs", JsonArray([good, missingPath]));

        var problem = await AssertValidationProblem(response, "[1]");
        Assert.Contains("index 1", problem.Detail);
        Assert.Contains("path", problem.Detail);
        Assert.Empty(reader.ReadToEnd());
    }

    [Fact]
    public async Task ABurstOfPathScansArrivesAsExactlyThatManyLabelledRecordsFromOneAddress()
    {
        using var reader = fixture.ReadFromNow();
        var before = await fixture.GetStatusAsync();

        using var response = await Client.PostAsJsonAsync("/control/burst", new { kind = "path_scan", count = 50 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var scan = reader.Read(50);
        scan.AddRange(reader.ReadToEnd());
        var records = scan.Select(ReadRecord).ToList();
        Assert.Equal(50, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal(AnomalyLabels.PathScan, r.InjectedAnomaly);
            Assert.Equal(404, r.StatusCode);
            Assert.Null(EndpointCatalogue.Shop.Find(r.Method, r.Path));
        });
        Assert.Single(records.Select(r => r.IpAddress).Distinct());
        var after = await fixture.WaitForStatusAsync(s => s.Produced[AnomalyLabels.PathScan] >= before.Produced[AnomalyLabels.PathScan] + 50);
        Assert.Equal(before.Produced[AnomalyLabels.PathScan] + 50, after.Produced[AnomalyLabels.PathScan]);
        Assert.Equal(0, after.PendingBursts[AnomalyLabels.PathScan]);
    }

    [Fact]
    public async Task RawMessagesArriveAsTheExactBytesGivenWithTheGivenKey()
    {
        using var reader = fixture.ReadFromNow();
        string[] payloads = ["not json at all", "{\"log_identifier\":", "ünïcødé ✓ \u0001", "{\"a\":1}   ", "[]"];

        using var response = await Client.PostAsJsonAsync("/control/raw", new { messages = payloads, key = "raw-key" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(payloads.Length, (await response.Content.ReadFromJsonAsync<RawMessagesPublished>())!.Count);
        // One key, one partition: the messages keep their order.
        var arrived = reader.Read(payloads.Length);
        Assert.Equal(payloads.Select(p => Encoding.UTF8.GetBytes(p)), arrived.Select(m => m.Message.Value));
        Assert.All(arrived, m => Assert.Equal("raw-key"u8.ToArray(), m.Message.Key));
        Assert.Empty(reader.ReadToEnd());
    }

    [Fact]
    public async Task RateZeroPausesGenerationAndARateResumesIt()
    {
        using var reader = fixture.ReadFromNow();
        try
        {
            await fixture.SetRateAsync(400);
            var flowing = reader.Read(20).Select(ReadRecord).ToList();
            Assert.All(flowing, r => Assert.Null(r.InjectedAnomaly));

            await fixture.SetRateAsync(0);

            // A tick that began before the change may still use the old rate; every later one sees zero.
            var changedAt = (await fixture.GetStatusAsync()).Ticks;
            var paused = await fixture.WaitForStatusAsync(s => s.Ticks >= changedAt + 1);
            var later = await fixture.WaitForStatusAsync(s => s.Ticks >= paused.Ticks + 10);
            Assert.True(later.Paused);
            Assert.Equal(paused.Sent, later.Sent);
        }
        finally
        {
            await fixture.SetRateAsync(0);
        }
    }

    [Fact]
    public async Task StatusReportsTheRateAndProducedCountsForEveryKind()
    {
        var status = await fixture.GetStatusAsync();

        Assert.Equal(Topics.Raw, status.Topic);
        Assert.Equal(0, status.RatePerSecond);
        Assert.Equal(
            new[] { "error_burst", "latency_spike", "none", "path_scan", "unusual_ip" },
            status.Produced.Keys.Order());
        Assert.Equal(status.Produced.Values.Sum(), status.ProducedTotal);
        Assert.Equal(0, status.DeliveryErrors);
    }

    [Fact]
    public async Task TheHealthEndpointIncludesTheRunningGenerator()
    {
        using var response = await Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("generator").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/control/rate", """{"perSecond":-1}""", "perSecond")]
    [InlineData("/control/rate", """{"perSecond":10001}""", "perSecond")]
    [InlineData("/control/rate", """{"perSecond":"fast"}""", "perSecond")]
    [InlineData("/control/rate", """{}""", "perSecond")]
    [InlineData("/control/burst", """{"kind":"meteor","count":5}""", "kind")]
    [InlineData("/control/burst", """{"count":5}""", "kind")]
    [InlineData("/control/burst", """{"kind":"path_scan","count":0}""", "count")]
    [InlineData("/control/burst", """{"kind":"path_scan","count":10001}""", "count")]
    [InlineData("/control/burst", """{"kind":"path_scan","count":"many"}""", "count")]
    [InlineData("/control/raw", """{}""", "messages")]
    [InlineData("/control/raw", """{"messages":[]}""", "messages")]
    [InlineData("/control/raw", """{"messages":["ok",null]}""", "messages[1]")]
    [InlineData("/control/raw", """{"messages":["ok",42]}""", "messages[1]")]
    [InlineData("/control/logs", """{"log_identifier":"not-in-an-array"}""", "body")]
    [InlineData("/control/logs", """[{"log_identifier":"x","timestamp":1,"method":"GET","path":"/","status_code":"abc","response_time":1}]""", "[0]")]
    [InlineData("/control/logs", """[{"log_identifier":"x","timestamp":1,"method":"GET","path":"/","status_code":200,"response_time":-1}]""", "[0]")]
    public async Task BadBodiesAreRejectedWithProblemDetailsNamingTheField(string route, string body, string field)
    {
        using var response = await Client.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertValidationProblem(response, field);
        Assert.Contains(field.TrimStart('[').TrimEnd(']'), problem.Detail);
    }

    [Fact]
    public async Task MalformedJsonIsRejectedWithProblemDetails()
    {
        using var response = await Client.PostAsync("/control/burst", new StringContent("""{"kind":"path_scan",""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.NotEmpty(problem!.Errors);
    }

    static async Task<ValidationProblem> AssertValidationProblem(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.Equal(400, problem!.Status);
        Assert.Contains(field, problem.Errors.Keys);
        Assert.NotNull(problem.Detail);
        return problem;
    }

    sealed record ValidationProblem(int Status, string? Title, string? Detail, Dictionary<string, string[]> Errors);
}
