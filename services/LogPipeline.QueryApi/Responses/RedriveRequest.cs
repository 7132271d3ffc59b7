namespace LogPipeline.QueryApi.Responses;

/// <summary>The dead letters to send back into <c>logs.raw</c>, by id (<c>{partition}-{offset}</c>, as listed).</summary>
public sealed record RedriveRequest(IReadOnlyList<string>? Ids);
