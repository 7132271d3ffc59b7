namespace LogPipeline.Hosting.ApplicationModel;

/// <summary>A .NET project of this repository, run from its build output.</summary>
public sealed class ProjectResource(string name, string projectPath)
    : Resource(name), IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public string ProjectPath { get; } = projectPath;
}
