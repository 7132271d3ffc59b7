using System.Buffers;
using System.Globalization;
using System.Text.Json;
using LogPipeline.Contracts;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>
/// Writes scores in input order straight into the response pipe, then returns the pooled score array. With an
/// attribution each score object also holds <c>"attribution":{"high":[..],"low":[..]}</c>.
/// </summary>
public sealed class ScoresResult(double[] pooledScores, int count, OutputFormat format, PooledAttribution? attribution = null) : IResult, IStatusCodeHttpResult
{
    private const int FlushThresholdBytes = 32 * 1024;
    private static readonly JsonEncodedText AttributionProperty = JsonEncodedText.Encode(AttributionExtension.PropertyName);
    private static readonly JsonEncodedText HighProperty = JsonEncodedText.Encode(AttributionExtension.HighPropertyName);
    private static readonly JsonEncodedText LowProperty = JsonEncodedText.Encode(AttributionExtension.LowPropertyName);

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public ReadOnlySpan<double> Scores => pooledScores.AsSpan(0, count);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = MediaTypes.ContentTypeOf(format);
            if (format == OutputFormat.JsonLines && attribution is not null)
            {
                await WriteAttributedJsonLinesAsync(response, attribution, httpContext.RequestAborted);
            }
            else if (format == OutputFormat.JsonLines)
            {
                await WriteJsonLinesAsync(response, httpContext.RequestAborted);
            }
            else
            {
                await WriteJsonAsync(response, httpContext.RequestAborted);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(pooledScores);
            attribution?.Dispose();
        }
    }

    // {"scores":[{"score":x},..]}
    private async Task WriteJsonAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var pipe = response.BodyWriter;
        using var json = new Utf8JsonWriter(pipe);
        json.WriteStartObject();
        json.WriteStartArray("scores"u8);
        for (var i = 0; i < count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("score"u8, pooledScores[i]);
            if (attribution is not null)
            {
                WriteAttribution(json, attribution, i);
            }

            json.WriteEndObject();
            if (json.BytesPending > FlushThresholdBytes)
            {
                json.Flush();
                await pipe.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await pipe.FlushAsync(cancellationToken);
    }

    // {"score":x}\n per record
    private async Task WriteJsonLinesAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var pipe = response.BodyWriter;
        var unflushed = 0;
        for (var i = 0; i < count; i++)
        {
            unflushed += WriteLine(pipe, pooledScores[i]);
            if (unflushed > FlushThresholdBytes)
            {
                await pipe.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }

        await pipe.FlushAsync(cancellationToken);
    }

    // {"score":x,"attribution":{..}}\n per record
    private async Task WriteAttributedJsonLinesAsync(HttpResponse response, PooledAttribution parts, CancellationToken cancellationToken)
    {
        var pipe = response.BodyWriter;
        using var json = new Utf8JsonWriter(pipe);
        var unflushed = 0L;
        for (var i = 0; i < count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("score"u8, pooledScores[i]);
            WriteAttribution(json, parts, i);
            json.WriteEndObject();
            json.Flush();
            unflushed += json.BytesCommitted + 1;
            pipe.Write("\n"u8);
            json.Reset(pipe);
            if (unflushed > FlushThresholdBytes)
            {
                await pipe.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }

        await pipe.FlushAsync(cancellationToken);
    }

    private static void WriteAttribution(Utf8JsonWriter json, PooledAttribution parts, int record)
    {
        json.WriteStartObject(AttributionProperty);
        json.WriteStartArray(HighProperty);
        foreach (var value in parts.HighOf(record))
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
        json.WriteStartArray(LowProperty);
        foreach (var value in parts.LowOf(record))
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static int WriteLine(IBufferWriter<byte> writer, double score)
    {
        var span = writer.GetSpan(64);
        "{\"score\":"u8.CopyTo(span);
        var length = 9;
        if (!score.TryFormat(span[length..], out var written, provider: CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Could not format score {score}.");
        }

        length += written;
        "}\n"u8.CopyTo(span[length..]);
        length += 2;
        writer.Advance(length);
        return length;
    }
}
