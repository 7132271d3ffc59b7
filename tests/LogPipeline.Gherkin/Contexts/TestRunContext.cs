namespace LogPipeline.Gherkin;

/// <summary>
/// One per test run: a property bag, and the container of test-run-wide objects. A <c>[BeforeTestRun]</c> hook
/// registers what it starts (<c>context.Register(app)</c>); every scenario's bindings then receive that instance
/// through their constructors.
/// </summary>
public sealed class TestRunContext(IObjectContainer container) : GherkinContext
{
    /// <summary>The test run's container (Reqnroll: the global/test thread container).</summary>
    public IObjectContainer Container { get; } = container;

    /// <summary>Makes <paramref name="instance"/> what every scenario gets for <typeparamref name="T"/>.</summary>
    /// <param name="instance">The shared object.</param>
    /// <param name="dispose">Dispose it when the test run ends (after the <c>[AfterTestRun]</c> hooks).</param>
    public void Register<T>(T instance, bool dispose = false)
        where T : class => Container.RegisterInstanceAs(instance, dispose);

    /// <summary>The registered <typeparamref name="T"/>, or a new one built from registered objects.</summary>
    public T Resolve<T>()
        where T : class => Container.Resolve<T>();
}
