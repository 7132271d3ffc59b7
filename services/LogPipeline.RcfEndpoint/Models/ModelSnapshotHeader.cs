namespace LogPipeline.RcfEndpoint.Models;

/// <summary>The first line of a snapshot file; the forest's own JSON state follows on the next line.</summary>
public sealed record ModelSnapshotHeader(string Format, int FormatVersion, string Name, RcfModelSettings Settings, DateTimeOffset SavedAt)
{
    public const string CurrentFormat = "logpipeline.rcf-model";
    public const int CurrentFormatVersion = 1;
}
