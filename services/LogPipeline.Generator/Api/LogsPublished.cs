namespace LogPipeline.Generator.Api;

/// <summary>The <c>log_identifier</c>s published, in request order, all acknowledged by the broker.</summary>
public sealed record LogsPublished(int Count, IReadOnlyList<string> Ids);
