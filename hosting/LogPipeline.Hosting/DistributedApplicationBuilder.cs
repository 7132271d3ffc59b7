using System.Reflection;
using LogPipeline.Hosting.ApplicationModel;
using LogPipeline.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LogPipeline.Hosting;

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    readonly string[] _args;

    internal DistributedApplicationBuilder(string[] args, Assembly? appHostAssembly)
    {
        _args = args;
        AppHostAssembly = appHostAssembly;
        AppHostDirectory = DistributedApplication.AppHostDirectory(appHostAssembly);
        Configuration = new ConfigurationManager();
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(args);
        var publisher = Configuration["publisher"];
        ExecutionContext = new DistributedApplicationExecutionContext(
            string.Equals(publisher, "manifest", StringComparison.OrdinalIgnoreCase),
            Configuration["output-path"] ?? "aspire-manifest.json");
    }

    public IConfigurationManager Configuration { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public string AppHostDirectory { get; }

    internal Assembly? AppHostAssembly { get; }

    public IList<IResource> Resources { get; } = [];

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (Resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }

        Resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build()
    {
        // Under the test entry point the app host's Main ends here: the test takes the composed builder.
        if (DistributedApplicationTestingHook.TryCapture(this))
        {
            throw new HostAbortedException("Captured by DistributedApplicationTestingBuilder.");
        }

        return new DistributedApplication(this, _args);
    }
}
