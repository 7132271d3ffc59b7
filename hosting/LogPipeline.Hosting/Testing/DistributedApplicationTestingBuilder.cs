using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace LogPipeline.Hosting.Testing;

/// <summary>
/// The test entry point, like Aspire.Hosting.Testing: runs the app host's own composition (its Main, up to
/// <c>Build()</c>) so a test starts exactly what users run, then lets the test adjust it, build and start it.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static IDistributedApplicationBuilder Create<TEntryPoint>(params string[] args) where TEntryPoint : class
    {
        var assembly = typeof(TEntryPoint).Assembly;
        var entryPoint = assembly.EntryPoint ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point.");
        string[] testArgs = ["--AppHost:EchoConsole=false", "--Dashboard:Url=http://127.0.0.1:0", .. args];
        var capture = DistributedApplicationTestingHook.Begin(assembly);
        try
        {
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [testArgs]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is HostAbortedException)
        {
        }
        finally
        {
            DistributedApplicationTestingHook.End();
        }

        return capture.Builder ?? throw new InvalidOperationException($"{assembly.GetName().Name}'s Main returned without calling Build().");
    }
}
