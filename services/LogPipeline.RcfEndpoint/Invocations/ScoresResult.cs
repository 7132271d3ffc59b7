using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Writes scores in input order straight into the response pipe, then returns the pooled score array.</summary>
public sealed class ScoresResult(double[] pooledScores, int count, OutputFormat format) : IResult, IStatusCodeHttpResult
{
    private const int FlushThresholdBytes = 32 * 1024;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public ReadOnlySpan<double> Scores => pooledScores.AsSpan(0, count);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = MediaTypes.ContentTypeOf(format);
            if (format == OutputFormat.JsonLines)
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
