using System.Buffers;
using System.Diagnostics;
using LogPipeline.Contracts;
using LogPipeline.RcfEndpoint.Models;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>
/// One invocation: negotiate formats, read the body (at most 6 MiB) in place, parse it into a pooled batch, score the
/// batch in one <c>ScoreBatch</c> call under the model's gate, and answer with the scores in input order. With the
/// custom attribute <c>attribution=true</c> (<see cref="AttributionExtension"/>) each score comes with its split over
/// the record's features; otherwise the answer is SageMaker's, unchanged.
/// </summary>
public sealed class ModelInvoker(RcfEndpointMetrics metrics, ILogger<ModelInvoker> logger)
{
    private const string UnknownModel = "(unknown)";

    public async Task<IResult> InvokeAsync(HostedModel model, HttpContext context, InvocationRoute route)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StartActivity(model.Name);
        var request = context.Request;
        if (!MediaTypes.TryGetInputFormat(request.ContentType, out var input))
        {
            return Reject(model.Name, InvocationError.UnsupportedContentType(request.ContentType), route, started, activity);
        }

        if (!MediaTypes.TryGetOutputFormat(request.Headers.Accept, out var output))
        {
            return Reject(model.Name, InvocationError.UnsupportedAccept(request.Headers.Accept), route, started, activity);
        }

        using var batch = new FeatureBatch(model.FeatureDim);
        if (await ReadRecordsAsync(request, input, batch, context.RequestAborted) is { } error)
        {
            return Reject(model.Name, error, route, started, activity);
        }

        var scores = ArrayPool<double>.Shared.Rent(batch.RecordCount);
        var attribution = AttributionExtension.IsRequested(request.Headers[AttributionExtension.CustomAttributesHeader].ToString())
            ? new PooledAttribution(batch.RecordCount, model.FeatureDim, model.ShingledDimensions)
            : null;
        try
        {
            await model.ScoreAsync(
                batch.Values,
                scores.AsMemory(0, batch.RecordCount),
                attribution?.ShingledHigh ?? Memory<double>.Empty,
                attribution?.ShingledLow ?? Memory<double>.Empty,
                context.RequestAborted);
        }
        catch
        {
            ArrayPool<double>.Shared.Return(scores);
            attribution?.Dispose();
            throw;
        }

        if (attribution is not null)
        {
            attribution.FoldShingles();
            context.Response.Headers[AttributionExtension.CustomAttributesHeader] = AttributionExtension.CustomAttribute;
        }

        activity?.SetTag(RcfEndpointTelemetry.RecordCountTag, batch.RecordCount);
        metrics.Scored(model.Name, batch.RecordCount, Stopwatch.GetElapsedTime(started));
        return new ScoresResult(scores, batch.RecordCount, output, attribution);
    }

    /// <summary>Refuses a request that names no model this endpoint serves.</summary>
    public IResult Reject(InvocationError error, InvocationRoute route)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StartActivity(UnknownModel);
        return Reject(UnknownModel, error, route, started, activity);
    }

    private static async ValueTask<InvocationError?> ReadRecordsAsync(HttpRequest request, InputFormat input, FeatureBatch batch, CancellationToken cancellationToken)
    {
        if (request.ContentLength > RequestBody.MaxBytes)
        {
            return InvocationError.PayloadTooLarge();
        }

        var reader = request.BodyReader;
        var (body, tooLarge) = await RequestBody.ReadAsync(reader, RequestBody.MaxBytes, cancellationToken);
        try
        {
            if (tooLarge)
            {
                return InvocationError.PayloadTooLarge();
            }

            if (body.IsEmpty)
            {
                return InvocationError.EmptyBody();
            }

            if (!RecordsParser.TryParse(input, body, batch, out var problem))
            {
                return new InvocationError(InvocationErrorKind.InvalidInput, problem!);
            }

            return batch.RecordCount == 0
                ? new InvocationError(InvocationErrorKind.InvalidInput, "The request holds no records.")
                : null;
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    private SageMakerErrorResult Reject(string model, InvocationError error, InvocationRoute route, long started, Activity? activity)
    {
        activity?.SetTag(RcfEndpointTelemetry.ErrorTypeTag, error.Type);
        activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        metrics.Rejected(model, error.Type, Stopwatch.GetElapsedTime(started));
        RcfEndpointLog.InvocationRejected(logger, model, error.Type, error.Message);
        return SageMakerErrorResult.For(error, route);
    }

    private static Activity? StartActivity(string model)
    {
        var activity = RcfEndpointTelemetry.ActivitySource.StartActivity(RcfEndpointTelemetry.InvokeActivityName);
        activity?.SetTag(RcfEndpointTelemetry.ModelTag, model);
        return activity;
    }
}
