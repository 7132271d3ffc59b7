using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogPipeline.Contracts;

namespace LogPipeline.Generator.Publishing;

/// <summary>
/// Writes a <see cref="LogRecord"/> as the <c>logs.raw</c> JSON value, reusing one buffer and writer: the only
/// allocation per record is the array the Kafka client takes ownership of. Not thread-safe: one per caller.
/// </summary>
public sealed class LogRecordSerializer
{
    readonly ArrayBufferWriter<byte> _buffer = new(1024);
    readonly Utf8JsonWriter _writer;

    public LogRecordSerializer()
    {
        // Relaxed escaping keeps the quotes of the access-log line readable; the value never lands in HTML.
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public byte[] Serialize(LogRecord record)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, record, ContractsJsonContext.Default.LogRecord);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
