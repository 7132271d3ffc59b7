namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>What the sample bindings did, in order, during the latest in-process run.</summary>
public static class Journal
{
    static readonly List<string> Recorded = [];

    public static IReadOnlyList<string> Entries
    {
        get
        {
            lock (Recorded)
            {
                return [.. Recorded];
            }
        }
    }

    public static void Record(string entry)
    {
        lock (Recorded)
        {
            Recorded.Add(entry);
        }
    }

    public static void Clear()
    {
        lock (Recorded)
        {
            Recorded.Clear();
        }
    }
}
