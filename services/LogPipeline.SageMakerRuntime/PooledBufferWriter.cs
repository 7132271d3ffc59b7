using System.Buffers;

namespace LogPipeline.SageMakerRuntime;

/// <summary>An <see cref="IBufferWriter{T}"/> over arrays from the shared pool, for request and response bodies.</summary>
sealed class PooledBufferWriter(int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    private int _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Reads a whole HTTP body into a pooled buffer sized by its Content-Length when known.</summary>
    public static async Task<PooledBufferWriter> ReadFromAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var writer = new PooledBufferWriter((int)Math.Min(content.Headers.ContentLength ?? 4096, 64 * 1024 * 1024) + 1);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await stream.ReadAsync(writer.GetMemory(4096), cancellationToken)) > 0)
            {
                writer.Advance(read);
            }

            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
