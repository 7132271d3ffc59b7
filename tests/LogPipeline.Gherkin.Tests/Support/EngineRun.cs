using LogPipeline.Gherkin.Bindings;
using LogPipeline.Gherkin.Execution;
using LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

namespace LogPipeline.Gherkin.Tests.Support;

/// <summary>Runs sample features through a <see cref="TestRun"/> over the given binding classes, recording into an <see cref="EventLog"/>.</summary>
internal sealed class EngineRun
{
    public EventLog Log { get; } = new();

    public List<ScenarioResult> Results { get; } = [];

    public static async Task<EngineRun> RunAsync(Type[] bindings, params string[] features)
    {
        var engineRun = new EngineRun();
        var run = new TestRun(BindingRegistry.FromTypes(bindings));
        run.Context.Register(engineRun.Log);
        run.Context.Register<IGlobalService>(new GlobalService("the running system"));
        foreach (var scenario in features.SelectMany(f => TestFeatures.Load(f).Scenarios))
        {
            engineRun.Results.Add(await run.RunScenarioAsync(scenario));
        }

        await run.FinishAsync();
        return engineRun;
    }

    public ScenarioResult Result(string title) => Results.Single(r => r.Scenario.Title == title);

    sealed class GlobalService(string name) : IGlobalService
    {
        public string Name { get; } = name;
    }
}
