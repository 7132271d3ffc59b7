using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LogPipeline.Contracts;

/// <summary>
/// Writes the <c>logs.raw</c> and <c>logs.scored</c> JSON values (<see cref="LogRecordJson"/>), reusing one buffer and
/// writer: the only allocation per record is the array the Kafka client takes ownership of. Not thread-safe: one per
/// caller.
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
        Reset();
        LogRecordJson.Write(_writer, record);
        return Written();
    }

    public byte[] Serialize(ScoredLog scored)
    {
        Reset();
        LogRecordJson.Write(_writer, scored);
        return Written();
    }

    void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    byte[] Written()
    {
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
