using System.Reflection;
using LogPipeline.Gherkin.Bindings;

namespace LogPipeline.Gherkin.Assist;

/// <summary>
/// Reqnroll's table helpers for simple classes and records. Columns match properties or constructor parameters by
/// name, ignoring case, spaces, <c>-</c> and <c>_</c>; values convert like step parameters; unmatched columns are
/// ignored and unmatched members keep their defaults.
/// </summary>
public static class DataTableHelperExtensionMethods
{
    /// <summary>One <typeparamref name="T"/> per row.</summary>
    public static IEnumerable<T> CreateSet<T>(this DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.Rows.Select(row => Create<T>(row))];
    }

    /// <summary>
    /// One <typeparamref name="T"/> from a vertical table (two columns: member name, value; the header row is
    /// ignored) or from the single row of a horizontal table whose header names members.
    /// </summary>
    public static T CreateInstance<T>(this DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var horizontal = table.RowCount == 1 && table.Header.Any(h => FindMember(typeof(T), h) is not null);
        if (horizontal)
        {
            return Create<T>(table.Rows[0]);
        }

        if (table.Header.Count != 2)
        {
            throw new ArgumentException($"CreateInstance<{typeof(T).Name}> needs a vertical table (member | value) or one row named by member.", nameof(table));
        }

        return Create<T>(table.Rows.Select(r => KeyValuePair.Create(r[0], r[1])));
    }

    static T Create<T>(IEnumerable<KeyValuePair<string, string>> values)
    {
        var type = typeof(T);
        var pairs = values.ToList();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        object instance;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constructor is null || constructor.GetParameters().Length == 0)
        {
            instance = Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"Cannot create a {type.Name}.");
        }
        else
        {
            var arguments = constructor.GetParameters().Select(p =>
            {
                var pair = pairs.FirstOrDefault(v => SameName(v.Key, p.Name!));
                if (pair.Key is null)
                {
                    return p.HasDefaultValue ? p.DefaultValue : (p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null);
                }

                used.Add(pair.Key);
                return Convert(pair.Value, p.ParameterType, p.Name!);
            }).ToArray();
            instance = constructor.Invoke(arguments);
        }

        foreach (var (key, value) in pairs.Where(p => !used.Contains(p.Key)))
        {
            if (FindMember(type, key) is PropertyInfo { CanWrite: true } property)
            {
                property.SetValue(instance, Convert(value, property.PropertyType, property.Name));
            }
        }

        return (T)instance;
    }

    static PropertyInfo? FindMember(Type type, string name) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => SameName(p.Name, name));

    static bool SameName(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    static string Normalize(string name) => new([.. name.Where(char.IsLetterOrDigit)]);

    static object? Convert(string value, Type type, string member)
    {
        try
        {
            return StepArgumentConverter.Convert(value, type);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"Cannot convert '{value}' to {type.Name} for {member}: {ex.Message}", ex);
        }
    }
}
