using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Confluent.Kafka;
using LogPipeline.Contracts;
using LogPipeline.Kafka;
using LogPipeline.Storage.Tests.Infrastructure;
using LogPipeline.Storage.Writing;
using LogPipeline.Writer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Storage.Tests;

public sealed class ScoredLogBatchHandlerTests : IClassFixture<DynamoDbLocal>, IDisposable
{
    readonly DynamoDbLocal _dynamo;
    readonly EmbeddedKafkaFixture _kafka = new();
    readonly IProducer<byte[]?, byte[]?> _producer;
    readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    readonly ScoredLogBatchHandler _handler;

    public ScoredLogBatchHandlerTests(DynamoDbLocal dynamo)
    {
        _dynamo = dynamo;
        _producer = _kafka.CreateProducer();
        var writer = new LogBatchWriter(dynamo.Client, dynamo.Options, new WriterMetrics(_services.GetRequiredService<IMeterFactory>()));
        var deadLetters = new DeadLetterPublisher(_producer, Topics.DeadLetter, "writer", NullLogger<DeadLetterPublisher>.Instance);
        _handler = new ScoredLogBatchHandler(writer, deadLetters, new BatchProducer(_producer), Microsoft.Extensions.Options.Options.Create(new RecordValidationOptions()), NullLogger<ScoredLogBatchHandler>.Instance);
    }

    public void Dispose()
    {
        _producer.Dispose();
        _kafka.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task InvalidMessagesAreDeadLetteredWithTheirReasonAndTheRestOfTheBatchIsStored()
    {
        var start = TestLogs.DaysAgo(20);
        var batch = new List<ConsumeResult<byte[]?, byte[]?>>
        {
            ScoredMessages.Consumed(ScoredMessages.Message(TestLogs.Log("dlq-good-1", start)), Topics.Scored, 0, 0),
            ScoredMessages.Consumed(ScoredMessages.Raw("{not json"), Topics.Scored, 0, 1),
            ScoredMessages.Consumed(ScoredMessages.Raw("""{"log_identifier":"x","timestamp":1,"log_level":"INFO","method":"GET","path":"/","status_code":999}"""), Topics.Scored, 0, 2),
            ScoredMessages.Consumed(ScoredMessages.Message(TestLogs.Log("dlq-good-2", start + 1)), Topics.Scored, 0, 3),
        };

        var result = await _handler.HandleAsync(batch, CancellationToken.None);

        Assert.Equal(2, result.Written);
        var dead = _kafka.ConsumeAll(Topics.DeadLetter, 2, TimeSpan.FromSeconds(20));
        Assert.Equal(2, dead.Count);
        // Dead letters without a key may land on any partition of the topic, so they are told apart by content.
        var notJson = Assert.Single(dead, d => Encoding.UTF8.GetString(d.Message.Value!) == "{not json");
        var badStatus = Assert.Single(dead, d => d != notJson);
        Assert.Equal("writer", Header(notJson, DeadLetterHeaders.Stage));
        Assert.StartsWith("invalid JSON", Header(notJson, DeadLetterHeaders.Reason), StringComparison.Ordinal);
        Assert.Contains("status_code 999", Header(badStatus, DeadLetterHeaders.Reason), StringComparison.Ordinal);
        Assert.Equal("2", Header(badStatus, DeadLetterHeaders.SourceOffset));
        var stored = await TableReader.LogsBetweenAsync(_dynamo.Client, _dynamo.Options, start, start + 1);
        Assert.Equal(["dlq-good-1", "dlq-good-2"], stored.Select(s => s.Scored.Log.LogIdentifier).Order());
    }

    [Fact]
    public async Task AMessageWithAReplayHeaderReplacesTheStoredVerdictAndOneWithoutKeepsIt()
    {
        var start = TestLogs.DaysAgo(22);
        var first = TestLogs.Log("replayed-1", start);
        var second = TestLogs.Log("replayed-2", start + 1);
        await _handler.HandleAsync(
            [ScoredMessages.Consumed(ScoredMessages.Message(first), Topics.Scored, 1, 0), ScoredMessages.Consumed(ScoredMessages.Message(second), Topics.Scored, 1, 1)],
            CancellationToken.None);
        ScoredLog ByModelB(ScoredLog log) => log with { Verdict = log.Verdict with { Model = "model-b" } };

        var result = await _handler.HandleAsync(
            [
                ScoredMessages.Consumed(ScoredMessages.Message(ByModelB(first), new Headers { { ReplayHeaders.Source, "year=2026/x.parquet"u8.ToArray() } }), Topics.Scored, 1, 2),
                ScoredMessages.Consumed(ScoredMessages.Message(ByModelB(second)), Topics.Scored, 1, 3),
            ],
            CancellationToken.None);

        Assert.Equal((1, 1, 1, 0), (result.Written, result.Replaced, result.AlreadyStored, result.Counted));
        var stored = await TableReader.LogsBetweenAsync(_dynamo.Client, _dynamo.Options, start, start + 1);
        Assert.Equal([("replayed-1", "model-b"), ("replayed-2", "rcf-local")], stored.Select(s => (s.Scored.Log.LogIdentifier, s.Scored.Verdict.Model)).Order());
    }

    [Fact]
    public async Task EachMessageGetsAProcessSpanThatContinuesTheTraceInItsHeaders()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ScoredLogBatchHandler.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var upstream = new Activity("scorer produce").SetIdFormat(ActivityIdFormat.W3C).Start();
        var headers = new Headers();
        KafkaTraceContext.Inject(upstream, headers);
        upstream.Stop();
        var message = ScoredMessages.Message(TestLogs.Log("traced", TestLogs.DaysAgo(21)), headers);

        await _handler.HandleAsync([ScoredMessages.Consumed(message, Topics.Scored, 0, 0)], CancellationToken.None);

        var span = Assert.Single(spans, s => s.OperationName == "logs.scored process");
        Assert.Equal(upstream.TraceId, span.TraceId);
        Assert.Equal(upstream.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
    }

    static string Header(ConsumeResult<byte[]?, byte[]?> result, string name) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));
}
