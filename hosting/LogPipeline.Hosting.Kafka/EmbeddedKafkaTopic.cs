namespace Aspire.Hosting.ApplicationModel;

/// <summary>A topic the embedded cluster creates when it starts.</summary>
public sealed record EmbeddedKafkaTopic(string Name, int Partitions);
