namespace LogPipeline.Hosting.ApplicationModel;

/// <summary>
/// Work to do once the resource is healthy and before anything waiting for it starts (e.g. creating tables).
/// </summary>
public sealed class ResourceReadyAnnotation(Func<ResourceReadyContext, Task> callback) : IResourceAnnotation
{
    public Func<ResourceReadyContext, Task> Callback { get; } = callback;
}

public sealed record ResourceReadyContext(IResource Resource, IServiceProvider Services, CancellationToken CancellationToken);
