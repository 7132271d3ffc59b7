namespace LogPipeline.Gherkin.Tests.Execution;

public sealed class ObjectContainerTests
{
    [Fact]
    public void AChildUsesItsParentsInstancesAndBuildsTheRestItself()
    {
        var parent = new ObjectContainer();
        var shared = new Dependency();
        parent.RegisterInstanceAs(shared);
        var child = new ObjectContainer(parent);

        var consumer = child.Resolve<Consumer>();

        Assert.Same(shared, consumer.Dependency);
        Assert.Same(consumer, child.Resolve<Consumer>());
        Assert.False(parent.IsRegistered<Consumer>());
        Assert.Same(child, child.Resolve<IObjectContainer>());
    }

    [Fact]
    public void AnUnregisteredInterfaceSaysWhoNeededIt()
    {
        var error = Assert.Throws<ObjectContainerException>(() => new ObjectContainer().Resolve<NeedsService>());
        Assert.Contains("Cannot resolve System.IServiceProvider (needed by NeedsService)", error.Message);
    }

    [Fact]
    public void ACycleIsReported()
    {
        var error = Assert.Throws<ObjectContainerException>(() => new ObjectContainer().Resolve<Chicken>());
        Assert.Contains("Circular dependency: Chicken -> Egg -> Chicken", error.Message);
    }

    [Fact]
    public async Task BuiltObjectsAreDisposedNewestFirstAndRegisteredOnesOnlyWhenAsked()
    {
        var container = new ObjectContainer();
        var order = new List<string>();
        var mine = new Disposable("registered, not owned", order);
        var owned = new Disposable("registered, owned", order);
        container.RegisterInstanceAs(order);
        container.RegisterInstanceAs(mine);
        container.RegisterInstanceAs<IAsyncDisposable>(owned, dispose: true);
        container.Resolve<AsyncDisposable>();

        await container.DisposeAsync();

        Assert.Equal(["built", "registered, owned"], order);
    }

    public sealed class Dependency;

    public sealed class Consumer(Dependency dependency)
    {
        public Dependency Dependency { get; } = dependency;
    }

    public sealed class NeedsService(IServiceProvider services)
    {
        public IServiceProvider Services { get; } = services;
    }

    public sealed class Chicken(Egg egg)
    {
        public Egg Egg { get; } = egg;
    }

    public sealed class Egg(Chicken chicken)
    {
        public Chicken Chicken { get; } = chicken;
    }

    public sealed class Disposable(string name, List<string> order) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            order.Add(name);
            return ValueTask.CompletedTask;
        }
    }

    public sealed class AsyncDisposable(List<string> order) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            order.Add("built");
            return ValueTask.CompletedTask;
        }
    }
}
