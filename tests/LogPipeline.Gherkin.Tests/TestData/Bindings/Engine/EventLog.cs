namespace LogPipeline.Gherkin.Tests.TestData.Bindings.Engine;

/// <summary>What the engine-test bindings saw; a test registers one in the test run's context.</summary>
public sealed class EventLog
{
    readonly Lock gate = new();
    readonly List<string> entries = [];
    readonly List<object?> values = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    public IReadOnlyList<object?> Values
    {
        get
        {
            lock (gate)
            {
                return [.. values];
            }
        }
    }

    public void Add(string entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    public void AddValues(params object?[] items)
    {
        lock (gate)
        {
            values.AddRange(items);
        }
    }
}
