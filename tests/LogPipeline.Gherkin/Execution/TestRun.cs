using LogPipeline.Gherkin.Bindings;
using LogPipeline.Gherkin.Parsing;
using Xunit.Abstractions;

namespace LogPipeline.Gherkin.Execution;

/// <summary>
/// A test run: runs scenarios one at a time, the <c>[BeforeTestRun]</c> hooks before the first one, the
/// <c>[BeforeFeature]</c>/<c>[AfterFeature]</c> hooks when the feature changes, and the <c>[AfterFeature]</c> and
/// <c>[AfterTestRun]</c> hooks in <see cref="FinishAsync"/>. Objects registered in <see cref="Context"/> are shared by
/// every scenario. When a test run or feature hook fails, the scenarios it covers fail with that error.
/// </summary>
public sealed class TestRun(BindingRegistry registry) : IAsyncDisposable
{
    readonly ObjectContainer container = new();
    readonly SemaphoreSlim gate = new(1, 1);
    readonly ScenarioExecutor executor = new(registry);
    TestRunContext? context;
    ActiveFeature? feature;
    Exception? startError;

    /// <summary>The test run's property bag and container.</summary>
    public TestRunContext Context => context ??= CreateContext();

    /// <summary>Whether the <c>[BeforeTestRun]</c> hooks have run.</summary>
    public bool HasStarted { get; private set; }

    /// <summary>Whether <see cref="FinishAsync"/> has run.</summary>
    public bool HasFinished { get; private set; }

    /// <summary>Runs one scenario (after the test run and feature hooks it needs); waits for any scenario still running.</summary>
    public async Task<ScenarioResult> RunScenarioAsync(ScenarioCase scenario, ITestOutputHelper? output = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(HasFinished, this);
            var scenarioOutput = output as ScenarioOutput ?? new ScenarioOutput(output);
            if (!HasStarted)
            {
                HasStarted = true;
                _ = Context;
                startError = await HookInvoker.RunAsync(registry.HooksOf(HookType.BeforeTestRun), container, scenarioOutput, stopAtFirstError: true);
            }

            if (startError is not null)
            {
                return ScenarioExecutor.NotRun(scenario, startError, scenarioOutput);
            }

            var active = await EnterFeatureAsync(scenario.Feature, scenarioOutput);
            return active.Error is not null
                ? ScenarioExecutor.NotRun(scenario, active.Error, scenarioOutput)
                : await executor.ExecuteAsync(scenario, active.Context, active.Container, scenarioOutput, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Ends the run: the open feature's <c>[AfterFeature]</c> hooks, then (if the run started) every
    /// <c>[AfterTestRun]</c> hook, then disposes the test run's objects. Runs once; later calls do nothing. Throws
    /// what the hooks threw, after all of them ran.
    /// </summary>
    /// <param name="waitForRunningScenario">How long to wait for a scenario still running (default: as long as it
    /// takes); past that the run ends anyway, as when the process is told to stop.</param>
    public async Task FinishAsync(TimeSpan? waitForRunningScenario = null)
    {
        var entered = await gate.WaitAsync(waitForRunningScenario ?? Timeout.InfiniteTimeSpan);
        var errors = new List<Exception>();
        try
        {
            if (HasFinished)
            {
                return;
            }

            HasFinished = true;
            await LeaveFeatureAsync(errors, null);
            if (HasStarted)
            {
                Add(errors, await HookInvoker.RunAsync(registry.HooksOf(HookType.AfterTestRun), container, null, stopAtFirstError: false));
            }

            try
            {
                await container.DisposeAsync();
            }
            catch (Exception ex)
            {
                errors.Add(ex);
            }
        }
        finally
        {
            if (entered)
            {
                gate.Release();
            }
        }

        if (errors.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(errors[0]);
        }

        if (errors.Count > 1)
        {
            throw new AggregateException("Ending the test run failed.", errors);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await FinishAsync(null);

    TestRunContext CreateContext()
    {
        var created = new TestRunContext(container);
        container.RegisterInstanceAs(created);
        return created;
    }

    async Task<ActiveFeature> EnterFeatureAsync(FeatureDocument document, ScenarioOutput output)
    {
        if (feature is not null && string.Equals(feature.Document.FullPath, document.FullPath, StringComparison.Ordinal))
        {
            return feature;
        }

        var errors = new List<Exception>();
        await LeaveFeatureAsync(errors, output);
        foreach (var error in errors)
        {
            output.WriteLine($"-> ending the previous feature failed: {error.Message}");
        }

        var featureContext = new FeatureContext(document.ToFeatureInfo());
        var featureContainer = new ObjectContainer(container);
        featureContainer.RegisterInstanceAs(featureContext);
        feature = new ActiveFeature(document, featureContext, featureContainer);
        feature.Error = await HookInvoker.RunAsync(FeatureHooks(HookType.BeforeFeature, document), featureContainer, output, stopAtFirstError: true);
        return feature;
    }

    async Task LeaveFeatureAsync(List<Exception> errors, ScenarioOutput? output)
    {
        if (feature is null)
        {
            return;
        }

        var leaving = feature;
        feature = null;
        Add(errors, await HookInvoker.RunAsync(FeatureHooks(HookType.AfterFeature, leaving.Document), leaving.Container, output, stopAtFirstError: false));
        try
        {
            await leaving.Container.DisposeAsync();
        }
        catch (Exception ex)
        {
            errors.Add(ex);
        }
    }

    IEnumerable<HookBinding> FeatureHooks(HookType type, FeatureDocument document) =>
        registry.HooksOf(type).Where(h => h.AppliesTo(document.Title, document.Tags, null));

    static void Add(List<Exception> errors, Exception? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    sealed class ActiveFeature(FeatureDocument document, FeatureContext context, ObjectContainer container)
    {
        public FeatureDocument Document { get; } = document;

        public FeatureContext Context { get; } = context;

        public ObjectContainer Container { get; } = container;

        public Exception? Error { get; set; }
    }
}
