using System.Reflection;
using System.Runtime.InteropServices;
using LogPipeline.Gherkin.Bindings;
using LogPipeline.Gherkin.Execution;
using Xunit.Abstractions;

namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>
/// The <see cref="TestRun"/> of one xUnit assembly run. <see cref="GherkinTestAssemblyRunner"/> makes it
/// <see cref="Current"/> for the run and finishes it after the last test; as a safety net (the process is told
/// to stop mid-run), it also finishes on <see cref="AppDomain.ProcessExit"/>, so <c>[AfterTestRun]</c> hooks get
/// to stop what <c>[BeforeTestRun]</c> hooks started.
/// </summary>
public sealed class ScenarioRunHost
{
    static readonly AsyncLocal<ScenarioRunHost?> CurrentHost = new();
    static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);
    readonly Lazy<TestRun> run;
    readonly Lock gate = new();
    bool exitHooked;
    List<PosixSignalRegistration> signals = [];

    /// <summary>A host whose bindings are the <c>[Binding]</c> classes of <paramref name="bindingAssemblies"/>.</summary>
    public ScenarioRunHost(params Assembly[] bindingAssemblies)
    {
        run = new Lazy<TestRun>(() => new TestRun(BindingRegistry.FromAssemblies(bindingAssemblies)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The host of the assembly run in progress (flows with the async context), or null outside one.</summary>
    public static ScenarioRunHost? Current
    {
        get => CurrentHost.Value;
        set => CurrentHost.Value = value;
    }

    /// <summary>The test run, once a scenario has asked for it.</summary>
    public TestRun? TestRun => run.IsValueCreated ? run.Value : null;

    /// <summary>Runs the scenario of <paramref name="testCase"/>.</summary>
    public async Task<ScenarioResult> RunAsync(ScenarioTestCase testCase, ITestOutputHelper output, CancellationToken cancellationToken)
    {
        var document = FeatureCache.Load(testCase.GetFeatureFile());
        var scenario = document.Find(testCase.ScenarioLine, testCase.ExampleLine)
            ?? throw new InvalidOperationException(
                $"{testCase.FeatureFile} has no scenario at line {testCase.ScenarioLine}" +
                (testCase.ExampleLine > 0 ? $" with an example row at line {testCase.ExampleLine}" : "") +
                " any more: the file changed since discovery; discover the tests again.");
        HookProcessExit();
        return await run.Value.RunScenarioAsync(scenario, output, cancellationToken);
    }

    /// <summary>Ends the test run (see <see cref="TestRun.FinishAsync"/>) if a scenario started it.</summary>
    public async Task FinishAsync()
    {
        UnhookProcessExit();
        if (run.IsValueCreated)
        {
            await run.Value.FinishAsync();
        }
    }

    void HookProcessExit()
    {
        lock (gate)
        {
            if (exitHooked)
            {
                return;
            }

            exitHooked = true;
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
            {
                try
                {
                    signals.Add(PosixSignalRegistration.Create(signal, _ => FinishBeforeExit()));
                }
                catch (PlatformNotSupportedException)
                {
                    // Then only ProcessExit and the assembly teardown end the run.
                }
            }
        }
    }

    void UnhookProcessExit()
    {
        lock (gate)
        {
            if (!exitHooked)
            {
                return;
            }

            exitHooked = false;
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            foreach (var signal in signals)
            {
                signal.Dispose();
            }

            signals = [];
        }
    }

    void OnProcessExit(object? sender, EventArgs e) => FinishBeforeExit();

    void FinishBeforeExit()
    {
        try
        {
            run.Value.FinishAsync(ExitGrace).Wait(ExitGrace * 2);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Ending the Gherkin test run at process exit failed: {ex}");
        }
    }
}
