using System.Buffers;
using System.IO.Pipelines;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Reads a whole request body into the request pipe's own buffers, without copying it anywhere else.</summary>
static class RequestBody
{
    /// <summary>SageMaker's InvokeEndpoint limit on the request body.</summary>
    public const int MaxBytes = 6_291_456;

    /// <summary>
    /// Returns the body, or stops as soon as it is longer than <paramref name="maxBytes"/>. The caller parses the
    /// buffer in place and then must call <c>reader.AdvanceTo(body.End)</c>.
    /// </summary>
    public static async ValueTask<(ReadOnlySequence<byte> Body, bool TooLarge)> ReadAsync(PipeReader reader, long maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                return (buffer, true);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return (buffer, false);
            }

            // Nothing consumed, everything examined: the next read returns this data plus more.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
