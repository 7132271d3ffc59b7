using Reqnroll;
using Reqnroll.Analytics;
using Reqnroll.BoDi;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>The test run's hooks; <see cref="FailStart"/> makes <c>[BeforeTestRun]</c> fail, as a system that does not start.</summary>
[Binding]
public sealed class RunHooks
{
    public static bool FailStart { get; set; }

    /// <summary>Whether Reqnroll would send its telemetry, as the test run's container says.</summary>
    public static bool? TelemetryEnabled { get; private set; }

    [BeforeTestRun]
    public static void BeforeTestRun(IObjectContainer testRunContainer)
    {
        Journal.Record("before test run");
        TelemetryEnabled = testRunContainer.Resolve<IEnvironmentReqnrollTelemetryChecker>().IsReqnrollTelemetryEnabled();
        if (FailStart)
        {
            throw new InvalidOperationException("the system did not start");
        }
    }

    [AfterTestRun]
    public static void AfterTestRun() => Journal.Record("after test run");
}
