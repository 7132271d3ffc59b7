using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogPipeline.Contracts;

/// <summary>
/// Serializes a <see cref="ScoredLog"/> wherever System.Text.Json meets one (an API answer holding archived logs) in the
/// flat shape of a <c>logs.scored</c> message, through <see cref="LogRecordJson"/>: one mapping. Reading goes through
/// <see cref="LogRecordReader.TryReadScored"/>, which validates.
/// </summary>
public sealed class ScoredLogJsonConverter : JsonConverter<ScoredLog>
{
    public override ScoredLog Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"Read a scored log with {nameof(LogRecordReader)}.{nameof(LogRecordReader.TryReadScored)}.");

    public override void Write(Utf8JsonWriter writer, ScoredLog value, JsonSerializerOptions options) => LogRecordJson.Write(writer, value);
}
