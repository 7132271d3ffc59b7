using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit.Abstractions;

namespace LogPipeline.Reqnroll.xUnit.Runtime;

/// <summary>Reqnroll's trace (each step, its binding and outcome) in the running scenario's test output; elsewhere, Reqnroll's default.</summary>
public sealed class XunitTraceListener(ITraceListenerQueue traceListenerQueue, IObjectContainer container) : AsyncTraceListener(traceListenerQueue, container)
{
    readonly Lazy<IContextManager> contextManager = new(container.Resolve<IContextManager>);

    /// <inheritdoc/>
    public override void WriteTestOutput(string message)
    {
        if (Output() is { } output)
        {
            output.WriteLine(message);
        }
        else
        {
            base.WriteTestOutput(message);
        }
    }

    /// <inheritdoc/>
    public override void WriteToolOutput(string message)
    {
        if (Output() is { } output)
        {
            output.WriteLine("-> " + message);
        }
        else
        {
            base.WriteToolOutput(message);
        }
    }

    ITestOutputHelper? Output() =>
        contextManager.Value.ScenarioContext is { } scenario && scenario.ScenarioContainer.IsRegistered<ITestOutputHelper>()
            ? scenario.ScenarioContainer.Resolve<ITestOutputHelper>()
            : null;
}
