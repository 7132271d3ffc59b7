namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

/// <summary>Records the test run, feature and scenario hooks in the run's <see cref="RunJournal"/>.</summary>
[Binding]
public sealed class RunLifecycleHooks(RunJournal journal, ScenarioContext scenario)
{
    /// <summary>When set, the path the journal is written to after the run (to check a real <c>dotnet test</c> run).</summary>
    public const string JournalFileVariable = "GHERKIN_TESTS_JOURNAL_FILE";

    [BeforeTestRun]
    public static void StartRun(TestRunContext run)
    {
        var created = new RunJournal();
        RunJournal.All.Enqueue(created);
        run.Register(created);
        created.Add("before test run");
    }

    [AfterTestRun]
    public static async Task EndRun(RunJournal journal)
    {
        journal.Add("after test run");
        if (Environment.GetEnvironmentVariable(JournalFileVariable) is { Length: > 0 } path)
        {
            await File.WriteAllLinesAsync(path, journal.Events);
        }
    }

    [BeforeFeature]
    public static void StartFeature(FeatureContext feature, RunJournal journal) => journal.Add($"before feature {feature.FeatureInfo.Title}");

    [AfterFeature]
    public static void EndFeature(FeatureContext feature, RunJournal journal) => journal.Add($"after feature {feature.FeatureInfo.Title}");

    [BeforeScenario]
    public void StartScenario() => journal.Add($"before scenario {scenario.ScenarioInfo.Title}");

    [AfterScenario]
    public async ValueTask EndScenario()
    {
        await Task.Yield();
        journal.Add($"after scenario {scenario.ScenarioInfo.Title} {scenario.ScenarioExecutionStatus}");
    }
}
