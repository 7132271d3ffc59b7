using LogPipeline.Specs.Support;
using Reqnroll;
using Reqnroll.BoDi;

namespace LogPipeline.Specs.Steps;

/// <summary>Starts the whole system once for the run, and puts it back in order after each scenario.</summary>
[Binding]
public sealed class PipelineHooks(PipelineApp pipeline, Outages outages, ScenarioContext scenario, ITestOutputHelper output)
{
    [BeforeTestRun]
    public static async Task StartPipeline(IObjectContainer testRunContainer)
    {
        var pipeline = await PipelineApp.StartAsync();
        testRunContainer.RegisterInstanceAs(pipeline);
    }

    [AfterTestRun]
    public static async Task StopPipeline(PipelineApp pipeline) => await pipeline.DisposeAsync();

    [AfterScenario]
    public async Task RestoreAndReport()
    {
        try
        {
            await outages.RestoreAsync();
        }
        finally
        {
            if (scenario.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
            {
                output.WriteLine("The system after the failure:\n" + pipeline.Describe(25));
            }
        }
    }
}
