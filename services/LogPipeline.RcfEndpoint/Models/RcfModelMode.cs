using System.Text.Json.Serialization;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>Whether scoring a record also teaches it to the forest.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RcfModelMode>))]
public enum RcfModelMode
{
    /// <summary>Each record is scored against the forest as it was, then added to it (RCF's streaming use).</summary>
    [JsonStringEnumMemberName("streaming")]
    Streaming,

    /// <summary>Records are scored only; the forest stays as it is (a model trained elsewhere or earlier).</summary>
    [JsonStringEnumMemberName("frozen")]
    Frozen,
}
