using LogPipeline.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.Hosting;

public interface IDistributedApplicationBuilder
{
    IConfigurationManager Configuration { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>The folder of the app host project (resources' working directories are relative to it).</summary>
    string AppHostDirectory { get; }

    IList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    DistributedApplication Build();
}

public sealed record DistributedApplicationExecutionContext(bool IsPublishMode, string? ManifestPath);
