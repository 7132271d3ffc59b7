namespace LogPipeline.Hosting.ApplicationModel;

/// <summary>A resource that can be waited for (it reports state and health).</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource that receives environment variables.</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource that exposes network endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource that others reach through a connection string (<c>ConnectionStrings__{name}</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string once the resource runs; null before.</summary>
    string? ConnectionString { get; }

    /// <summary>The connection string as an expression over the manifest's bindings, e.g. <c>{kafka.bindings.tcp.host}:{kafka.bindings.tcp.port}</c>.</summary>
    string ConnectionStringExpression { get; }
}
