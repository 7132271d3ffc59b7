using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogPipeline.Hosting.Tests;

/// <summary>A resource's arguments and environment as Aspire resolves them when it runs the resource.</summary>
static class ExecutionConfiguration
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<string[]> ArgumentsAsync(IResource resource)
    {
        var result = await ExecutionConfigurationBuilder.Create(resource).WithArgumentsConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None)
            .WaitAsync(Timeout);
        return [.. result.Arguments.Select(a => a.Value)];
    }

    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(IResource resource)
    {
        var result = await ExecutionConfigurationBuilder.Create(resource).WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None)
            .WaitAsync(Timeout);
        return result.EnvironmentVariables.ToDictionary(e => e.Key, e => e.Value);
    }
}
