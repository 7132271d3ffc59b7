namespace LogPipeline.Storage.Counters;

/// <summary>
/// The routes a roll-up item already counts on its own, as read before an update, and the item's
/// <see cref="CounterNames.Routes"/> attribute (null when absent), which the update's condition expects unchanged.
/// </summary>
sealed record BucketRoutes(HashSet<string> Known, long? Stored)
{
    public static BucketRoutes None { get; } = new([], null);

    public int Count => Known.Count;
}
