using System.Text.Json.Serialization;

namespace LogPipeline.Contracts;

/// <summary>Source-generated serializers: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LogRecord))]
[JsonSerializable(typeof(ScoredLog))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
