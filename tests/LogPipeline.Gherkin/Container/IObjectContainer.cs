namespace LogPipeline.Gherkin;

/// <summary>
/// Reqnroll's BoDi container, in small: registered instances, and objects built on demand (public constructor with
/// the most parameters, each resolved in turn) that live as long as the container. A scenario's container asks its
/// feature's and then the test run's before building anything.
/// </summary>
public interface IObjectContainer
{
    /// <summary>Makes <paramref name="instance"/> what this container (and its children) return for <typeparamref name="T"/>.</summary>
    void RegisterInstanceAs<T>(T instance, bool dispose = false)
        where T : class;

    /// <summary>Makes <paramref name="instance"/> what this container (and its children) return for <paramref name="type"/>.</summary>
    void RegisterInstanceAs(object instance, Type type, bool dispose = false);

    /// <summary>The registered or already built <typeparamref name="T"/>, or a new one.</summary>
    T Resolve<T>()
        where T : class;

    /// <summary>The registered or already built object of <paramref name="type"/>, or a new one.</summary>
    object Resolve(Type type);

    /// <summary>Whether this container or a parent has a <typeparamref name="T"/> registered or built.</summary>
    bool IsRegistered<T>();
}
