using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>
/// The models this endpoint serves, by case-insensitive endpoint name. Lookups are lock-free; changes (admin API)
/// are serialised so that a put, reset and delete of the same name cannot interleave.
/// </summary>
public sealed class ModelRegistry(
    IOptions<RcfOptions> options,
    ModelSnapshotStore snapshots,
    TimeProvider timeProvider,
    ILogger<ModelRegistry> logger)
{
    private readonly ConcurrentDictionary<string, HostedModel> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _changeGate = new(1, 1);
    private volatile bool _isLoaded;

    /// <summary>True once configured and snapshotted models are in place (before that, nothing is served).</summary>
    public bool IsLoaded => _isLoaded;

    public int Count => _models.Count;

    /// <summary>
    /// Creates the configured models, carrying over what their snapshots learned when the snapshot has the same forest
    /// shape, and restores models that exist only as snapshots (created through the admin API before a restart).
    /// </summary>
    public void Load()
    {
        var restored = new Dictionary<string, RestoredModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in snapshots.LoadAll())
        {
            restored[model.Name] = model;
        }

        var now = timeProvider.GetUtcNow();
        foreach (var (name, settings) in options.Value.ModelsOrDefault())
        {
            if (restored.Remove(name, out var snapshot) && snapshot.Settings.ShapesSameForestAs(settings))
            {
                _models[name] = new HostedModel(name, settings, now, snapshot.Forest);
                RcfEndpointLog.ModelRestored(logger, name, snapshot.Forest.TotalUpdates, snapshot.SavedAt);
            }
            else
            {
                if (snapshot is not null)
                {
                    RcfEndpointLog.SnapshotDiscarded(logger, name);
                }

                _models[name] = new HostedModel(name, settings, now);
                RcfEndpointLog.ModelCreated(logger, name, settings.FeatureDim, settings.Mode);
            }
        }

        foreach (var (name, snapshot) in restored)
        {
            _models[name] = new HostedModel(name, snapshot.Settings, now, snapshot.Forest);
            RcfEndpointLog.ModelRestored(logger, name, snapshot.Forest.TotalUpdates, snapshot.SavedAt);
        }

        _isLoaded = true;
    }

    public bool TryGet(string name, [NotNullWhen(true)] out HostedModel? model) => _models.TryGetValue(name, out model);

    /// <summary>The models ordered by name.</summary>
    public IReadOnlyList<HostedModel> List()
    {
        var models = _models.Values.ToList();
        models.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        return models;
    }

    /// <summary>
    /// The model behind the container contract: <see cref="RcfOptions.ContainerModel"/> when set, otherwise the only
    /// model, otherwise <see cref="RcfOptions.DefaultModelName"/>, otherwise the first by name.
    /// </summary>
    public HostedModel? FindContainerModel()
    {
        if (options.Value.ContainerModel is { Length: > 0 } configured)
        {
            return TryGet(configured, out var named) ? named : null;
        }

        if (_models.Count == 1)
        {
            foreach (var only in _models.Values)
            {
                return only;
            }
        }

        if (TryGet(RcfOptions.DefaultModelName, out var defaultModel))
        {
            return defaultModel;
        }

        var all = List();
        return all.Count > 0 ? all[0] : null;
    }

    /// <summary>
    /// Creates the model, or applies new settings to an existing one: settings that shape the same forest keep what it
    /// learned (a repeated PUT changes nothing, a new mode just switches mode); any other change starts a new forest.
    /// No model (null) when creating it would make more than <paramref name="maxModels"/>.
    /// </summary>
    public async Task<(HostedModel? Model, bool Created)> PutAsync(string name, RcfModelSettings settings, int maxModels, CancellationToken cancellationToken)
    {
        await _changeGate.WaitAsync(cancellationToken);
        try
        {
            if (!_models.ContainsKey(name) && _models.Count >= maxModels)
            {
                return (null, false);
            }

            if (_models.TryGetValue(name, out var existing))
            {
                if (existing.Settings.ShapesSameForestAs(settings))
                {
                    await existing.ChangeModeAsync(settings.Mode, cancellationToken);
                    return (existing, false);
                }

                // The old forest's snapshot must not come back at the next start in place of the new one.
                existing.Retire();
                await snapshots.DeleteAsync(existing.Name, cancellationToken);
            }

            var model = new HostedModel(existing?.Name ?? name, settings, timeProvider.GetUtcNow());
            _models[model.Name] = model;
            RcfEndpointLog.ModelCreated(logger, model.Name, settings.FeatureDim, settings.Mode);
            return (model, existing is null);
        }
        finally
        {
            _changeGate.Release();
        }
    }

    public async Task<HostedModel?> ResetAsync(string name, CancellationToken cancellationToken)
    {
        await _changeGate.WaitAsync(cancellationToken);
        try
        {
            if (!_models.TryGetValue(name, out var model))
            {
                return null;
            }

            await model.ResetAsync(cancellationToken);
            RcfEndpointLog.ModelReset(logger, model.Name);
            return model;
        }
        finally
        {
            _changeGate.Release();
        }
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await _changeGate.WaitAsync(cancellationToken);
        try
        {
            if (!_models.TryRemove(name, out var model))
            {
                return false;
            }

            model.Retire();
            await snapshots.DeleteAsync(model.Name, cancellationToken);
            RcfEndpointLog.ModelRemoved(logger, model.Name);
            return true;
        }
        finally
        {
            _changeGate.Release();
        }
    }
}
