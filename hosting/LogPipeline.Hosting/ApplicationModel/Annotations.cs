namespace LogPipeline.Hosting.ApplicationModel;

/// <summary>A network endpoint. The port is allocated at start when not fixed.</summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port, string? targetEnvironmentVariable) : IResourceAnnotation
{
    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    public int? Port { get; set; } = port;

    /// <summary>The variable that tells the process which port to listen on, if it is not given through ASPNETCORE_URLS.</summary>
    public string? TargetEnvironmentVariable { get; } = targetEnvironmentVariable;

    /// <summary>Whether the process is told through ASPNETCORE_URLS (projects) or not.</summary>
    public bool IsProxied { get; init; }

    public string Url => $"{Scheme}://127.0.0.1:{Port}";
}

/// <summary>Late-bound environment variables, computed when the resource starts.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    public Action<EnvironmentCallbackContext> Callback { get; } = callback;
}

public sealed class EnvironmentCallbackContext(Dictionary<string, string> variables, bool isPublishing)
{
    public Dictionary<string, string> EnvironmentVariables { get; } = variables;

    /// <summary>True while writing the manifest: values are expressions like <c>{kafka.connectionString}</c>.</summary>
    public bool IsPublishing { get; } = isPublishing;
}

/// <summary>Do not start this resource until <see cref="Resource"/> is healthy.</summary>
public sealed class WaitAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}

/// <summary>The resource is healthy when GET <see cref="Path"/> on endpoint <see cref="EndpointName"/> answers 2xx.</summary>
public sealed class HttpHealthCheckAnnotation(string path, string endpointName) : IResourceAnnotation
{
    public string Path { get; } = path;

    public string EndpointName { get; } = endpointName;
}

/// <summary>A custom readiness probe, for resources whose health is not an HTTP path.</summary>
public sealed class HealthProbeAnnotation(Func<CancellationToken, Task<bool>> probe) : IResourceAnnotation
{
    public Func<CancellationToken, Task<bool>> Probe { get; } = probe;
}

public sealed class CommandLineArgsAnnotation(IReadOnlyList<string> args) : IResourceAnnotation
{
    public IReadOnlyList<string> Args { get; } = args;
}

/// <summary>This resource references another (drawn as an edge on the dashboard).</summary>
public sealed class ResourceRelationshipAnnotation(IResource target, string type) : IResourceAnnotation
{
    public IResource Target { get; } = target;

    public string Type { get; } = type;
}

/// <summary>Values in the environment that must be masked on the dashboard.</summary>
public sealed class SecretEnvironmentAnnotation(string variable) : IResourceAnnotation
{
    public string Variable { get; } = variable;
}
