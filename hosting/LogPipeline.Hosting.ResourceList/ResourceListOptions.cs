namespace LogPipeline.Hosting.ResourceList;

/// <summary>Where the resource list listens (<c>ResourceList:Url</c>): loopback only.</summary>
public sealed class ResourceListOptions
{
    public const string SectionName = "ResourceList";

    public string Url { get; set; } = "http://127.0.0.1:18887";
}
