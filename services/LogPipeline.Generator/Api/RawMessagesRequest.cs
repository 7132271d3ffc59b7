namespace LogPipeline.Generator.Api;

/// <summary>Body of <c>POST /control/raw</c>: payloads published as their UTF-8 bytes, unchanged, all with the same optional key.</summary>
public sealed record RawMessagesRequest(IReadOnlyList<string?>? Messages, string? Key);
