using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>The test run's hooks; <see cref="FailStart"/> makes <c>[BeforeTestRun]</c> fail, as a system that does not start.</summary>
[Binding]
public sealed class RunHooks
{
    public static bool FailStart { get; set; }

    [BeforeTestRun]
    public static void BeforeTestRun()
    {
        Journal.Record("before test run");
        if (FailStart)
        {
            throw new InvalidOperationException("the system did not start");
        }
    }

    [AfterTestRun]
    public static void AfterTestRun() => Journal.Record("after test run");
}
