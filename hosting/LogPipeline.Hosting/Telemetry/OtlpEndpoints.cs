using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;
using LogPipeline.Hosting.Telemetry.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogPipeline.Hosting.Telemetry;

/// <summary>
/// OTLP's export calls: OTLP/HTTP with binary protobuf bodies (<c>POST /v1/traces</c>, <c>/v1/logs</c>,
/// <c>/v1/metrics</c>) and OTLP/gRPC's unary <c>Export</c> methods, framed by hand (Grpc.AspNetCore is not
/// restorable here; a unary call is one length-prefixed message each way and a <c>grpc-status</c> trailer).
/// </summary>
static class OtlpEndpoints
{
    const int MaxBodyBytes = 64 * 1024 * 1024;
    const string Protobuf = "application/x-protobuf";

    public static void MapOtlpHttp(this IEndpointRouteBuilder app, OtlpIngestor ingestor)
    {
        app.MapPost("/v1/traces", context => HandleHttpAsync(context, ExportTraceServiceRequest.Parser, ingestor.Ingest, new ExportTraceServiceResponse()));
        app.MapPost("/v1/logs", context => HandleHttpAsync(context, ExportLogsServiceRequest.Parser, ingestor.Ingest, new ExportLogsServiceResponse()));
        app.MapPost("/v1/metrics", context => HandleHttpAsync(context, ExportMetricsServiceRequest.Parser, ingestor.Ingest, new ExportMetricsServiceResponse()));
    }

    public static void MapOtlpGrpc(this IEndpointRouteBuilder app, OtlpIngestor ingestor)
    {
        app.MapPost("/opentelemetry.proto.collector.trace.v1.TraceService/Export", context => HandleGrpcAsync(context, ExportTraceServiceRequest.Parser, ingestor.Ingest));
        app.MapPost("/opentelemetry.proto.collector.logs.v1.LogsService/Export", context => HandleGrpcAsync(context, ExportLogsServiceRequest.Parser, ingestor.Ingest));
        app.MapPost("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", context => HandleGrpcAsync(context, ExportMetricsServiceRequest.Parser, ingestor.Ingest));
    }

    static async Task HandleHttpAsync<T>(HttpContext context, MessageParser<T> parser, Action<T> ingest, IMessage response) where T : IMessage<T>
    {
        if (context.Request.ContentType?.StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase) != true)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.Response.WriteAsync("Send OTLP/HTTP as binary protobuf (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var gzip = string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
        var body = await ReadBodyAsync(context, gzip).ConfigureAwait(false);
        T request;
        try
        {
            request = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException ex)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Invalid OTLP protobuf: " + ex.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        ingest(request);
        context.Response.ContentType = Protobuf;
        await context.Response.Body.WriteAsync(response.ToByteArray(), context.RequestAborted).ConfigureAwait(false);
    }

    static async Task HandleGrpcAsync<T>(HttpContext context, MessageParser<T> parser, Action<T> ingest) where T : IMessage<T>
    {
        context.Response.ContentType = "application/grpc";
        var frame = await ReadBodyAsync(context, gzip: false).ConfigureAwait(false);
        if (frame.Length < 5 || BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1)) != frame.Length - 5)
        {
            Trail(context, 3, "expected one length-prefixed message");
            return;
        }

        var message = frame[5..];
        if (frame[0] == 1)
        {
            if (!string.Equals(context.Request.Headers["grpc-encoding"], "gzip", StringComparison.OrdinalIgnoreCase))
            {
                Trail(context, 12, "only gzip compression is supported");
                return;
            }

            message = await GunzipAsync(message, context.RequestAborted).ConfigureAwait(false);
        }

        try
        {
            ingest(parser.ParseFrom(message));
        }
        catch (InvalidProtocolBufferException ex)
        {
            Trail(context, 3, "invalid OTLP protobuf: " + ex.Message);
            return;
        }

        // An empty Export*ServiceResponse: not compressed, zero bytes long.
        await context.Response.Body.WriteAsync(new byte[5], context.RequestAborted).ConfigureAwait(false);
        Trail(context, 0, null);
    }

    static void Trail(HttpContext context, int status, string? message)
    {
        context.Response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
        {
            context.Response.AppendTrailer("grpc-message", Uri.EscapeDataString(message));
        }
    }

    static async Task<byte[]> ReadBodyAsync(HttpContext context, bool gzip)
    {
        using var buffer = new MemoryStream(context.Request.ContentLength is > 0 and < MaxBodyBytes and var length ? (int)length : 4096);
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        return gzip ? await GunzipAsync(bytes, context.RequestAborted).ConfigureAwait(false) : bytes;
    }

    static async Task<byte[]> GunzipAsync(byte[] compressed, CancellationToken cancellationToken)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        return output.ToArray();
    }
}
