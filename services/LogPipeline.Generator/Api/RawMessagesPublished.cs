namespace LogPipeline.Generator.Api;

public sealed record RawMessagesPublished(int Count);
