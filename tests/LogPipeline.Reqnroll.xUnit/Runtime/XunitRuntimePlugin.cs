using Reqnroll.Analytics;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace LogPipeline.Reqnroll.xUnit.Runtime;

/// <summary>
/// Reqnroll's runtime plugin for xUnit 2, as Reqnroll.xUnit's: registers the unit-test provider (without it the
/// runtime looks for "nunit") and sends Reqnroll's step trace to the scenario's <c>ITestOutputHelper</c>. The test
/// assembly names it: <c>[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]</c>.
/// </summary>
public sealed class XunitRuntimePlugin : IRuntimePlugin
{
    /// <summary>The name the provider is registered under.</summary>
    public const string ProviderName = "xunit";

    /// <inheritdoc/>
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) => e.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeGlobalDependencies += (_, e) => e.ObjectContainer.RegisterTypeAs<TelemetryOff, IEnvironmentReqnrollTelemetryChecker>();
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) => e.ObjectContainer.RegisterTypeAs<XunitTraceListener, ITraceListener>();
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
