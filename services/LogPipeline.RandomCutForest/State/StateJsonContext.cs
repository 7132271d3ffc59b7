using System.Text.Json.Serialization;

namespace LogPipeline.RandomCutForest.State;

[JsonSerializable(typeof(RandomCutForestState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
