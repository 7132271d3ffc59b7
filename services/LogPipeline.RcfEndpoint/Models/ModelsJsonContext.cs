using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogPipeline.RcfEndpoint.Models;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ModelSnapshotHeader))]
partial class ModelsJsonContext : JsonSerializerContext;
