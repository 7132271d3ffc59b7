using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using LogPipeline.Contracts;
using LogPipeline.Generator.Generation;
using LogPipeline.Generator.Publishing;
using LogPipeline.Generator.Traffic;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LogPipeline.Generator.Api;

/// <summary>
/// <c>/control</c>: watch the generator, change its rate, inject anomaly bursts, and publish hand-made records or
/// arbitrary bytes to the raw topic (the publishing endpoints answer after the broker acknowledged).
/// </summary>
public static class ControlApi
{
    public const int MaxMessagesPerRequest = 10_000;
    public const int MaxBurstCount = 10_000;

    /// <summary>librdkafka's default message.max.bytes, less room for key and headers.</summary>
    public const int MaxRawMessageBytes = 1_000_000;

    static readonly string BurstKinds = string.Join(", ", AnomalyLabels.LatencySpike, AnomalyLabels.ErrorBurst, AnomalyLabels.PathScan, AnomalyLabels.UnusualIp);

    public static RouteGroupBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(GeneratorControlPaths.Group).WithTags("Control");
        api.MapGet(GeneratorControlPaths.StatusRoute, GetStatus).WithSummary("Rate, records produced by anomaly kind, delivery errors.");
        api.MapPost(GeneratorControlPaths.RateRoute, SetRate).WithSummary("Sets the records per second of normal traffic (0 pauses it).");
        api.MapPost(GeneratorControlPaths.BurstRoute, RequestBurst).WithSummary("Injects a number of records of one anomaly kind, promptly.");
        api.MapPost("/logs", PublishLogs).WithSummary("Publishes the given log records and returns their ids once acknowledged.");
        api.MapPost("/raw", PublishRaw).WithSummary("Publishes each string's UTF-8 bytes unchanged (for testing the dead-letter path).");
        return api;
    }

    public static Ok<GeneratorStatus> GetStatus(GeneratorControl control, GeneratorMetrics metrics, LogPublisher publisher, IOptions<GeneratorOptions> options)
    {
        var produced = new Dictionary<string, long>(AnomalyLabels.All.Length);
        foreach (var kind in AnomalyLabels.All)
        {
            produced[AnomalyLabels.Label(kind)] = metrics.Produced(kind);
        }

        var pending = new Dictionary<string, long>(AnomalyLabels.Injectable.Length);
        foreach (var kind in AnomalyLabels.Injectable)
        {
            pending[AnomalyLabels.Label(kind)] = control.PendingBurstRecords(kind);
        }

        var rate = control.RatePerSecond;
        return TypedResults.Ok(new GeneratorStatus(
            publisher.Topic, rate, rate == 0, options.Value.Seed, options.Value.AnomalyProbability, produced, metrics.ProducedTotal(), pending,
            metrics.SubmittedLogs, metrics.SubmittedRaw, metrics.DeliveryErrors, metrics.LastDeliveryError, metrics.Sent, metrics.Ticks));
    }

    public static Results<Ok<RateResponse>, ValidationProblem> SetRate(RateRequest request, GeneratorControl control)
    {
        if (request.PerSecond is not { } rate || !double.IsFinite(rate) || rate < 0 || rate > GeneratorOptions.MaxRatePerSecond)
        {
            return Invalid("perSecond", $"perSecond is required and must be a number from 0 to {GeneratorOptions.MaxRatePerSecond}.");
        }

        var previous = control.RatePerSecond;
        control.RatePerSecond = rate;
        return TypedResults.Ok(new RateResponse(rate, previous));
    }

    public static Results<Accepted<BurstResponse>, ValidationProblem> RequestBurst(BurstRequest request, GeneratorControl control)
    {
        if (!AnomalyLabels.TryParseInjectable(request.Kind, out var kind))
        {
            return Invalid("kind", $"kind is required and must be one of {BurstKinds}.");
        }

        if (request.Count is not { } count || count is < 1 or > MaxBurstCount)
        {
            return Invalid("count", $"count is required and must be an integer from 1 to {MaxBurstCount}.");
        }

        control.RequestBurst(new AnomalyBurst(kind.Value, count));
        return TypedResults.Accepted(GeneratorControlPaths.Status, new BurstResponse(request.Kind!, count, control.PendingBurstRecords(kind.Value)));
    }

    /// <summary>
    /// Every element is read with <see cref="LogRecordReader"/>, as the scorer will read it (so the same liberal forms
    /// are accepted), and nothing is published unless all are valid.
    /// </summary>
    public static async Task<Results<Accepted<LogsPublished>, ValidationProblem, ProblemHttpResult>> PublishLogs(
        [FromBody] JsonElement body, AcknowledgedPublisher publisher, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            return Invalid("body", "The body must be a JSON array of log records.");
        }

        var length = body.GetArrayLength();
        if (length > MaxMessagesPerRequest)
        {
            return Invalid("body", $"At most {MaxMessagesPerRequest} log records per request, not {length}.");
        }

        var records = new List<LogRecord>(length);
        var ids = new List<string>(length);
        var index = 0;
        foreach (var element in body.EnumerateArray())
        {
            if (!LogRecordReader.TryRead(JsonMarshal.GetRawUtf8Value(element), out var record, out var error))
            {
                return Invalid($"[{index}]", $"Log record at index {index} is invalid: {error}.");
            }

            records.Add(record);
            ids.Add(record.LogIdentifier);
            index++;
        }

        var outcome = await publisher.PublishLogsAsync(records, cancellationToken);
        return outcome.Acknowledged ? TypedResults.Accepted((string?)null, new LogsPublished(ids.Count, ids)) : NotAcknowledged(outcome);
    }

    public static async Task<Results<Accepted<RawMessagesPublished>, ValidationProblem, ProblemHttpResult>> PublishRaw(
        RawMessagesRequest request, AcknowledgedPublisher publisher, CancellationToken cancellationToken)
    {
        if (request.Messages is not { Count: > 0 and <= MaxMessagesPerRequest } messages)
        {
            return Invalid("messages", $"messages is required and must hold 1 to {MaxMessagesPerRequest} strings.");
        }

        var values = new List<byte[]>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } message)
            {
                return Invalid($"messages[{i}]", $"messages[{i}] must be a string, not null.");
            }

            var bytes = Encoding.UTF8.GetBytes(message);
            if (bytes.Length > MaxRawMessageBytes)
            {
                return Invalid($"messages[{i}]", $"messages[{i}] is {bytes.Length} bytes, more than the {MaxRawMessageBytes} a Kafka message may hold.");
            }

            values.Add(bytes);
        }

        var key = request.Key is null ? null : Encoding.UTF8.GetBytes(request.Key);
        var outcome = await publisher.PublishRawAsync(key, values, cancellationToken);
        return outcome.Acknowledged ? TypedResults.Accepted((string?)null, new RawMessagesPublished(outcome.Count)) : NotAcknowledged(outcome);
    }

    static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    static ProblemHttpResult NotAcknowledged(PublishOutcome outcome) => outcome.TimedOut
        ? TypedResults.Problem(
            statusCode: StatusCodes.Status504GatewayTimeout,
            title: "Kafka did not acknowledge in time",
            detail: $"Not every one of the {outcome.Count} messages was acknowledged in time; they may still be delivered. {outcome.Failed} failed so far{(outcome.FirstError is null ? "" : ": " + outcome.FirstError)}.")
        : TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Kafka did not acknowledge every message",
            detail: $"{outcome.Failed} of {outcome.Count} messages were not acknowledged: {outcome.FirstError}.");
}
