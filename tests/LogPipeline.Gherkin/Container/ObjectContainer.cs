using System.Reflection;

namespace LogPipeline.Gherkin;

/// <summary>
/// The container behind context injection. Objects it builds (and instances registered with <c>dispose: true</c>)
/// are disposed, newest first, when it is disposed; instances registered otherwise belong to the caller.
/// </summary>
public sealed class ObjectContainer : IObjectContainer, IAsyncDisposable
{
    readonly ObjectContainer? parent;
    readonly Dictionary<Type, object> instances = [];
    readonly List<object> owned = [];
    readonly Lock gate = new();
    bool disposed;

    /// <summary>A container that asks <paramref name="parent"/> for what it does not hold itself.</summary>
    public ObjectContainer(ObjectContainer? parent = null)
    {
        this.parent = parent;
        instances[typeof(IObjectContainer)] = this;
        instances[typeof(ObjectContainer)] = this;
    }

    /// <inheritdoc/>
    public void RegisterInstanceAs<T>(T instance, bool dispose = false)
        where T : class => RegisterInstanceAs(instance, typeof(T), dispose);

    /// <inheritdoc/>
    public void RegisterInstanceAs(object instance, Type type, bool dispose = false)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsInstanceOfType(instance))
        {
            throw new ArgumentException($"The instance is a {instance.GetType().Name}, not a {type.Name}.", nameof(instance));
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            instances[type] = instance;
            if (dispose && !owned.Contains(instance))
            {
                owned.Add(instance);
            }
        }
    }

    /// <inheritdoc/>
    public T Resolve<T>()
        where T : class => (T)Resolve(typeof(T));

    /// <inheritdoc/>
    public object Resolve(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Resolve(type, []);
        }
    }

    /// <inheritdoc/>
    public bool IsRegistered<T>() => TryFind(typeof(T), out _);

    /// <summary>Disposes what this container built or was told to dispose, newest first.</summary>
    public async ValueTask DisposeAsync()
    {
        List<object> toDispose;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            toDispose = [.. owned];
            toDispose.Reverse();
            owned.Clear();
            instances.Clear();
        }

        var errors = new List<Exception>();
        foreach (var item in toDispose)
        {
            try
            {
                if (item is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync();
                }
                else if (item is IDisposable disposable)
                {
                    disposable.Dispose();
                }
            }
            catch (Exception ex)
            {
                errors.Add(ex);
            }
        }

        if (errors.Count == 1)
        {
            throw errors[0];
        }

        if (errors.Count > 1)
        {
            throw new AggregateException("Disposing context objects failed.", errors);
        }
    }

    bool TryFind(Type type, out object instance)
    {
        for (var container = this; container is not null; container = container.parent)
        {
            lock (container.gate)
            {
                if (container.instances.TryGetValue(type, out instance!))
                {
                    return true;
                }
            }
        }

        instance = null!;
        return false;
    }

    object Resolve(Type type, List<Type> path)
    {
        if (TryFind(type, out var existing))
        {
            return existing;
        }

        if (path.Contains(type))
        {
            throw new ObjectContainerException(
                $"Circular dependency: {string.Join(" -> ", path.Append(type).Select(t => t.Name))}.");
        }

        if (!CanBuild(type))
        {
            throw new ObjectContainerException(
                $"Cannot resolve {type.FullName}{NeededBy(path)}: nothing registered it, and the container only " +
                "builds concrete classes. Register an instance (e.g. in a [BeforeTestRun] or [BeforeScenario] hook).");
        }

        var constructor = type.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new ObjectContainerException($"Cannot build {type.FullName}{NeededBy(path)}: it has no public constructor.");

        path.Add(type);
        var arguments = constructor.GetParameters().Select(p => ResolveParameter(p, path)).ToArray();
        path.RemoveAt(path.Count - 1);

        object instance;
        try
        {
            instance = constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, arguments, null);
        }
        catch (Exception ex)
        {
            throw new ObjectContainerException($"The constructor of {type.FullName}{NeededBy(path)} threw: {ex.Message}", ex);
        }

        instances[type] = instance;
        owned.Add(instance);
        return instance;
    }

    object? ResolveParameter(ParameterInfo parameter, List<Type> path)
    {
        if (parameter.HasDefaultValue && !TryFind(parameter.ParameterType, out _) && !CanBuild(parameter.ParameterType))
        {
            return parameter.DefaultValue;
        }

        return Resolve(parameter.ParameterType, path);
    }

    static bool CanBuild(Type type) =>
        type.IsClass && !type.IsAbstract && !type.IsArray && type != typeof(string) &&
        !typeof(Delegate).IsAssignableFrom(type) && !type.ContainsGenericParameters;

    static string NeededBy(List<Type> path) =>
        path.Count == 0 ? "" : $" (needed by {string.Join(" <- ", path.AsEnumerable().Reverse().Select(t => t.Name))})";
}
