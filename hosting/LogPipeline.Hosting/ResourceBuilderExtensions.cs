using System.Globalization;
using LogPipeline.Hosting.ApplicationModel;

namespace LogPipeline.Hosting;

/// <summary>The fluent API of the app model: each method checks its arguments, adds annotations and returns the builder.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddResource(new ProjectResource(name, new TProject().ProjectPath))
            .WithHttpEndpoint();

    public static IResourceBuilder<ExecutableResource> AddExecutable(this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] args) =>
        builder.AddResource(new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, builder.AppHostDirectory)))
            .WithArgs(args);

    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http", string? env = null)
        where T : IResourceWithEndpoints
    {
        if (builder.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == name))
        {
            return builder;
        }

        return builder.WithAnnotation(new EndpointAnnotation(name, "http", port, env) { IsProxied = env is null });
    }

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : IResource =>
        args.Length == 0 ? builder : builder.WithAnnotation(new CommandLineArgsAnnotation(args));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(c => c.EnvironmentVariables[name] = value));
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, double value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, value.ToString(CultureInfo.InvariantCulture));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    /// <summary>Injects <c>ConnectionStrings__{name}</c>, as Aspire does.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"));
        return builder.WithEnvironment(c => c.EnvironmentVariables[$"ConnectionStrings__{resource.Name}"] =
            c.IsPublishing ? $"{{{resource.Name}.connectionString}}" : resource.ConnectionString ?? "");
    }

    /// <summary>Injects service discovery variables <c>services__{name}__{endpoint}__0</c>, as Aspire does.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithEndpoints> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"));
        return builder.WithEnvironment(c =>
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                c.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__0"] =
                    c.IsPublishing ? $"{{{resource.Name}.bindings.{endpoint.Name}.url}}" : endpoint.Url;
            }
        });
    }

    /// <summary>Do not start this resource until <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithWaitSupport> dependency)
        where T : IResourceWithWaitSupport
    {
        builder.WithAnnotation(new ResourceRelationshipAnnotation(dependency.Resource, "WaitFor"));
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource));
    }

    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : IResourceWithEndpoints =>
        builder.WithAnnotation(new HttpHealthCheckAnnotation(path, endpointName));

    /// <summary>Runs <paramref name="callback"/> once the resource is healthy, before dependants start.</summary>
    public static IResourceBuilder<T> OnResourceReady<T>(this IResourceBuilder<T> builder, Func<ResourceReadyContext, Task> callback)
        where T : IResource =>
        builder.WithAnnotation(new ResourceReadyAnnotation(callback));
}
