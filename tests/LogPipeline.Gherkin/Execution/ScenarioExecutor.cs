using System.Diagnostics;
using System.Globalization;
using LogPipeline.Gherkin.Bindings;
using LogPipeline.Gherkin.Parsing;
using Xunit.Abstractions;

namespace LogPipeline.Gherkin.Execution;

/// <summary>
/// Runs one scenario: a fresh container (binding classes and context objects are built once per scenario and
/// disposed after it), the before-scenario hooks, the steps in order until one fails (the rest are reported as
/// skipped), the after-scenario hooks whatever happened. Each step is written to the output with its outcome.
/// </summary>
public sealed class ScenarioExecutor(BindingRegistry registry)
{
    /// <summary>Runs <paramref name="scenario"/> in a container that is a child of <paramref name="parent"/>.</summary>
    public async Task<ScenarioResult> ExecuteAsync(
        ScenarioCase scenario, FeatureContext featureContext, ObjectContainer parent, ITestOutputHelper? testOutput, CancellationToken cancellationToken = default)
    {
        var output = testOutput as ScenarioOutput ?? new ScenarioOutput(testOutput);
        var context = new ScenarioContext(scenario.ToScenarioInfo());
        var container = new ObjectContainer(parent);
        container.RegisterInstanceAs(context);
        container.RegisterInstanceAs(featureContext);
        container.RegisterInstanceAs<ITestOutputHelper>(output);
        container.RegisterInstanceAs(output);

        output.WriteLine($"Scenario: {scenario.DisplayName} ({scenario.Location})");
        var run = new Run(scenario, context, container, output);
        run.Fail(await HookInvoker.RunAsync(Applicable(HookType.BeforeScenario, scenario), container, output, stopAtFirstError: true), ScenarioExecutionStatus.TestError);

        foreach (var step in scenario.Steps)
        {
            if (run.Error is null && cancellationToken.IsCancellationRequested)
            {
                run.Fail(new OperationCanceledException("The test run was cancelled."), ScenarioExecutionStatus.TestError);
            }

            await RunStepAsync(step, run);
        }

        if (run.UndefinedSteps.Count > 0 && run.Error is null)
        {
            run.Fail(MissingStepDefinitions(scenario, run.UndefinedSteps), ScenarioExecutionStatus.UndefinedStep);
        }

        context.ScenarioExecutionStatus = run.Status;
        context.TestError = run.Error;
        var afterError = await HookInvoker.RunAsync(Applicable(HookType.AfterScenario, scenario), container, output, stopAtFirstError: false);
        run.Fail(afterError, ScenarioExecutionStatus.TestError);
        try
        {
            await container.DisposeAsync();
        }
        catch (Exception ex)
        {
            output.WriteLine($"-> disposing the scenario's context objects failed: {ex.Message}");
            run.Fail(ex, ScenarioExecutionStatus.TestError);
        }

        return new ScenarioResult(scenario, run.Status, run.Steps, run.Error, output.Text);
    }

    /// <summary>The result of a scenario that could not start (a test run or feature hook failed): every step skipped.</summary>
    public static ScenarioResult NotRun(ScenarioCase scenario, Exception error, ITestOutputHelper? testOutput)
    {
        var output = testOutput as ScenarioOutput ?? new ScenarioOutput(testOutput);
        output.WriteLine($"Scenario: {scenario.DisplayName} ({scenario.Location})");
        output.WriteLine($"-> not run: {error.Message}");
        var steps = scenario.Steps.Select(s => new StepResult(s, StepOutcome.Skipped, null, TimeSpan.Zero, null)).ToList();
        foreach (var step in scenario.Steps)
        {
            output.WriteLine(step.ToString());
            output.WriteLine("-> skipped because of previous errors");
        }

        return new ScenarioResult(scenario, ScenarioExecutionStatus.TestError, steps, error, output.Text);
    }

    async Task RunStepAsync(GherkinStep step, Run run)
    {
        var output = run.Output;
        output.WriteLine(step.ToString());
        WriteArgument(step, output);
        var match = registry.Match(step, run.Scenario);
        if (match.Kind == StepMatchKind.Undefined)
        {
            run.UndefinedSteps.Add(step);
            output.WriteLine("-> No matching step definition found for the step. Use the following code to create one:");
            output.WriteLine(SnippetGenerator.StepDefinition(step, "        "));
            if (match.Hint is not null)
            {
                output.WriteLine($"   ({match.Hint})");
            }

            run.Record(step, StepOutcome.Undefined, null, TimeSpan.Zero, null);
            return;
        }

        if (run.Error is not null || run.UndefinedSteps.Count > 0)
        {
            output.WriteLine("-> skipped because of previous errors");
            run.Record(step, StepOutcome.Skipped, match.Binding?.Description, TimeSpan.Zero, null);
            return;
        }

        if (match.Kind == StepMatchKind.Ambiguous)
        {
            var methods = match.Candidates.Select(c => c.Description).ToList();
            var error = new AmbiguousBindingException(
                $"{Where(run.Scenario, step)}: ambiguous step definitions found for the step \"{step}\": {string.Join(", ", methods)}.", methods);
            output.WriteLine($"-> ambiguous: {string.Join(", ", methods)}");
            run.Record(step, StepOutcome.Ambiguous, null, TimeSpan.Zero, error);
            run.Fail(error, ScenarioExecutionStatus.BindingError);
            return;
        }

        var binding = match.Binding!;
        object?[] arguments;
        object? target;
        try
        {
            arguments = binding.BuildArguments(match.Values, step);
            target = binding.Method.IsStatic ? null : run.Container.Resolve(binding.Method.DeclaringType!);
        }
        catch (Exception ex) when (ex is BindingException or ObjectContainerException)
        {
            var error = new BindingException($"{Where(run.Scenario, step)}: step \"{step}\": {ex.Message}", ex);
            output.WriteLine($"-> binding error: {ex.Message}");
            run.Record(step, StepOutcome.BindingError, binding.Description, TimeSpan.Zero, error);
            run.Fail(error, ScenarioExecutionStatus.BindingError);
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        run.Context.StepContext = new ScenarioStepContext(new StepInfo(step.Type, step.Keyword, step.Text, step.Table, step.DocString, step.Line));
        var failure = await HookInvoker.RunAsync(Applicable(HookType.BeforeStep, run.Scenario), run.Container, output, stopAtFirstError: true);
        if (failure is null)
        {
            try
            {
                await MethodInvoker.InvokeAsync(binding.Method, target, arguments);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }

        var afterStep = await HookInvoker.RunAsync(Applicable(HookType.AfterStep, run.Scenario), run.Container, output, stopAtFirstError: false);
        failure ??= afterStep;
        run.Context.StepContext = null;
        stopwatch.Stop();

        var call = $"{binding.Method.DeclaringType?.Name}.{binding.Method.Name}({string.Join(", ", match.Values.Select(v => $"\"{v}\""))})";
        var seconds = stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (failure is null)
        {
            output.WriteLine($"-> done: {call} ({seconds}s)");
            run.Record(step, StepOutcome.Passed, binding.Description, stopwatch.Elapsed, null);
            return;
        }

        var pending = failure is PendingStepException;
        output.WriteLine($"-> {(pending ? "pending" : "error")}: {failure.GetType().Name}: {failure.Message} ({seconds}s)");
        var wrapped = new StepFailedException(run.Scenario.Feature.FilePath, step.Line, step.ToString(), failure);
        run.Record(step, pending ? StepOutcome.Pending : StepOutcome.Failed, binding.Description, stopwatch.Elapsed, wrapped);
        run.Fail(wrapped, pending ? ScenarioExecutionStatus.StepDefinitionPending : ScenarioExecutionStatus.TestError);
    }

    IEnumerable<HookBinding> Applicable(HookType type, ScenarioCase scenario) =>
        registry.HooksOf(type).Where(h => h.AppliesTo(scenario.Feature.Title, scenario.CombinedTags, scenario.Title));

    static void WriteArgument(GherkinStep step, ScenarioOutput output)
    {
        if (step.Table is not null)
        {
            foreach (var line in step.Table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
            {
                output.WriteLine("  " + line);
            }
        }
        else if (step.DocString is not null)
        {
            output.WriteLine("  \"\"\"");
            foreach (var line in step.DocString.Split('\n'))
            {
                output.WriteLine("  " + line.TrimEnd('\r'));
            }

            output.WriteLine("  \"\"\"");
        }
    }

    static string Where(ScenarioCase scenario, GherkinStep step) => $"{scenario.Feature.FilePath}:{step.Line}";

    static MissingStepDefinitionException MissingStepDefinitions(ScenarioCase scenario, IReadOnlyList<GherkinStep> steps)
    {
        var nl = Environment.NewLine;
        var list = string.Join(nl, steps.Select(s => $"  {Where(scenario, s)}: {s}"));
        var className = SnippetGenerator.PascalCase(scenario.Feature.Title) + "StepDefinitions";
        return new MissingStepDefinitionException(
            $"No matching step definition found for {steps.Count} step(s) of \"{scenario.DisplayName}\":{nl}{list}{nl}" +
            $"Use the following code to create them:{nl}{nl}{SnippetGenerator.BindingClass(className, steps)}");
    }

    sealed class Run(ScenarioCase scenario, ScenarioContext context, ObjectContainer container, ScenarioOutput output)
    {
        public ScenarioCase Scenario { get; } = scenario;

        public ScenarioContext Context { get; } = context;

        public ObjectContainer Container { get; } = container;

        public ScenarioOutput Output { get; } = output;

        public List<StepResult> Steps { get; } = [];

        public List<GherkinStep> UndefinedSteps { get; } = [];

        public Exception? Error { get; private set; }

        public ScenarioExecutionStatus Status { get; private set; } = ScenarioExecutionStatus.OK;

        public void Record(GherkinStep step, StepOutcome outcome, string? binding, TimeSpan duration, Exception? error) =>
            Steps.Add(new StepResult(step, outcome, binding, duration, error));

        public void Fail(Exception? error, ScenarioExecutionStatus status)
        {
            if (error is not null && Error is null)
            {
                Error = error;
                Status = status;
            }
        }
    }
}
