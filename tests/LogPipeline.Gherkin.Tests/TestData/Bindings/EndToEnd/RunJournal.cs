using System.Collections.Concurrent;

namespace LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;

/// <summary>What happened in one end-to-end test run; registered by <see cref="RunLifecycleHooks"/> for every scenario to share.</summary>
public sealed class RunJournal
{
    readonly ConcurrentQueue<string> events = new();

    /// <summary>Every journal a test run created, oldest first.</summary>
    public static ConcurrentQueue<RunJournal> All { get; } = new();

    /// <summary>The events, in order.</summary>
    public IReadOnlyList<string> Events => [.. events];

    /// <summary>Records an event.</summary>
    public void Add(string item) => events.Enqueue(item);

    /// <summary>How many times <paramref name="item"/> was recorded.</summary>
    public int Count(string item) => events.Count(e => e == item);
}
