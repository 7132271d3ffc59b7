namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>A test run that cannot start: its scenarios fail with the hook's error, and the after hooks still run.</summary>
public static class FailingBeforeTestRunBindings
{
    [BeforeTestRun]
    public static void StartTheSystem() => throw new InvalidOperationException("the system did not start");

    [AfterTestRun]
    public static void StopTheSystem(EventLog log) => log.Add("after test run");
}
