using System.Text.RegularExpressions;

namespace LogPipeline.Hosting.ApplicationModel;

public abstract partial class Resource : IResource
{
    protected Resource(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Resource name '{name}' must be lowercase letters, digits and dashes, starting with a letter.", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();
}
