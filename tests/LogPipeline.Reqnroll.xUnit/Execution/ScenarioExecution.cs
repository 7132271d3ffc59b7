using System.Reflection;
using Gherkin;
using LogPipeline.Reqnroll.xUnit.Discovery;
using Reqnroll;
using Xunit.Abstractions;

namespace LogPipeline.Reqnroll.xUnit.Execution;

/// <summary>
/// One scenario on Reqnroll's <see cref="ITestRunner"/>, in the order of the code Reqnroll's generator writes:
/// switch feature if needed, initialize and start the scenario, every step, collect the errors, end the scenario.
/// </summary>
public static class ScenarioExecution
{
    /// <summary>Runs <paramref name="scenario"/> with the bindings of <paramref name="testAssembly"/>; throws what fails it.</summary>
    public static async Task RunAsync(Assembly testAssembly, ScenarioCase scenario, ITestOutputHelper output)
    {
        var feature = scenario.Feature.Info;
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly, featureHint: feature);
        try
        {
            await StartFeatureAsync(runner, feature);
            runner.OnScenarioInitialize(scenario.ToScenarioInfo(), scenario.Rule);
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(output);
            await runner.OnScenarioStartAsync();
            var stoppedAt = await RunStepsAsync(runner, scenario.Steps);
            try
            {
                await runner.CollectScenarioErrorsAsync();
            }
            catch (Exception ex) when (stoppedAt is not null)
            {
                throw new StepFailedException(scenario.Feature.FilePath, stoppedAt.Line, stoppedAt.ToString(), Outcome(runner.ScenarioContext.ScenarioExecutionStatus), ex);
            }
        }
        finally
        {
            try
            {
                await runner.OnScenarioEndAsync();
            }
            finally
            {
                TestRunnerManager.ReleaseTestRunner(runner);
            }
        }
    }

    /// <summary>Runs the steps; returns the first one after which the scenario was no longer OK (null if none, or if a hook failed first).</summary>
    static async Task<ScenarioStep?> RunStepsAsync(ITestRunner runner, IReadOnlyList<ScenarioStep> steps)
    {
        ScenarioStep? stoppedAt = null;
        var okBefore = runner.ScenarioContext.ScenarioExecutionStatus == ScenarioExecutionStatus.OK;
        foreach (var step in steps)
        {
            await StepAsync(runner, step);
            if (okBefore && stoppedAt is null && runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
            {
                stoppedAt = step;
            }
        }

        return stoppedAt;
    }

    static string Outcome(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.UndefinedStep => "undefined step",
        ScenarioExecutionStatus.StepDefinitionPending => "pending step",
        ScenarioExecutionStatus.BindingError => "binding error",
        _ => "step failed",
    };

    static async Task StartFeatureAsync(ITestRunner runner, FeatureInfo feature)
    {
        try
        {
            if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, feature))
            {
                await runner.OnFeatureEndAsync();
            }
        }
        finally
        {
            if (runner.FeatureContext is { BeforeFeatureHookFailed: true } failed)
            {
                throw new ReqnrollException("Scenario skipped because a [BeforeFeature] hook of its feature failed.", failed.BeforeFeatureHookError);
            }

            if (runner.FeatureContext is null)
            {
                await runner.OnFeatureStartAsync(feature);
            }
        }
    }

    static Task StepAsync(ITestRunner runner, ScenarioStep step) => step.Kind switch
    {
        StepKeywordType.Action => runner.WhenAsync(step.Text, step.DocString, step.Table, step.Keyword),
        StepKeywordType.Outcome => runner.ThenAsync(step.Text, step.DocString, step.Table, step.Keyword),
        _ => runner.GivenAsync(step.Text, step.DocString, step.Table, step.Keyword),
    };
}
