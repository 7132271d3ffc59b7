using System.Collections.Concurrent;

namespace LogPipeline.Hosting.Orchestration;

/// <summary>The current snapshot of every resource, and waits on their state.</summary>
public sealed class ResourceNotificationService
{
    readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new();
    readonly Lock _lock = new();
    TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ResourceSnapshot> Snapshots => _snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();

    public ResourceSnapshot? Get(string name) => _snapshots.GetValueOrDefault(name);

    public void Publish(string name, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _snapshots.AddOrUpdate(name, _ => throw new InvalidOperationException($"Unknown resource {name}"), (_, s) => update(s));
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    internal void Register(ResourceSnapshot snapshot) => _snapshots[snapshot.Name] = snapshot;

    public Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, s => s is { State: ResourceState.Running, Health: HealthStatus.Healthy }, cancellationToken);

    public Task WaitForResourceAsync(string name, ResourceState state, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, s => s.State == state, cancellationToken);

    public async Task<ResourceSnapshot> WaitForAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            var snapshot = Get(name) ?? throw new InvalidOperationException($"Unknown resource {name}");
            if (predicate(snapshot))
            {
                return snapshot;
            }

            if (snapshot.State is ResourceState.FailedToStart)
            {
                throw new InvalidOperationException($"Resource {name} failed to start: {snapshot.Message}");
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
