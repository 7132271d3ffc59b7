namespace LogPipeline.QueryApi.Responses;

/// <summary>One archived hour: its key prefix and how many objects it holds.</summary>
public sealed record ArchivePartitionResponse(string Hour, string Prefix, int Objects);
