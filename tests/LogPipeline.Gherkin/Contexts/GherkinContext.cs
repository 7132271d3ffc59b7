using System.Diagnostics.CodeAnalysis;

namespace LogPipeline.Gherkin;

/// <summary>A property bag, like Reqnroll's <c>ReqnrollContext</c>: values by key, or by type when no key is given.</summary>
public class GherkinContext : Dictionary<string, object>
{
    /// <summary>Stores <paramref name="data"/> under its type's name.</summary>
    public void Set<T>(T data)
        where T : notnull => this[KeyOf<T>()] = data;

    /// <summary>Stores <paramref name="data"/> under <paramref name="key"/>.</summary>
    public void Set<T>(T data, string key)
        where T : notnull => this[key] = data;

    /// <summary>The value stored under the type's name.</summary>
    public T Get<T>() => Get<T>(KeyOf<T>());

    /// <summary>The value stored under <paramref name="key"/>.</summary>
    public T Get<T>(string key) =>
        TryGetValue(key, out var value)
            ? (T)value
            : throw new KeyNotFoundException($"The context holds no value for '{key}'.");

    /// <summary>The value stored under the type's name, if any.</summary>
    public bool TryGetValue<T>([MaybeNullWhen(false)] out T value) => TryGetValue(KeyOf<T>(), out value);

    /// <summary>The value stored under <paramref name="key"/>, if any and of type <typeparamref name="T"/>.</summary>
    public bool TryGetValue<T>(string key, [MaybeNullWhen(false)] out T value)
    {
        if (TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
