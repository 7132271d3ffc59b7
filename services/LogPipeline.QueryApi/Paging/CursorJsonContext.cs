using System.Text.Json.Serialization;

namespace LogPipeline.QueryApi.Paging;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PageCursor))]
sealed partial class CursorJsonContext : JsonSerializerContext;
