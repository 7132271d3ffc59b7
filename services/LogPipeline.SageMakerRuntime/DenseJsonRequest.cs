using System.Buffers;
using System.Text.Json;

namespace LogPipeline.SageMakerRuntime;

/// <summary>Writes records as SageMaker's dense JSON: <c>{"instances":[{"features":[..]},..]}</c>.</summary>
static class DenseJsonRequest
{
    public static void Write(IBufferWriter<byte> destination, ReadOnlySpan<float> features, int featureCount)
    {
        using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteStartArray("instances"u8);
        for (var offset = 0; offset < features.Length; offset += featureCount)
        {
            json.WriteStartObject();
            json.WriteStartArray("features"u8);
            foreach (var value in features.Slice(offset, featureCount))
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
