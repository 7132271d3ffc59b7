using Forest = LogPipeline.RandomCutForest.RandomCutForest;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>
/// One named forest and its counters. A forest is not thread-safe, so every use goes through one async gate per
/// model: invocations of the same model queue, invocations of different models run in parallel. The forest's shape
/// never changes for the life of this object (new settings mean a new <see cref="HostedModel"/>); only the mode can.
/// </summary>
public sealed class HostedModel
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Forest _forest;
    private RcfModelSettings _settings;
    private long _invocations;
    private long _recordsScored;
    private long _totalUpdates;
    private bool _outputReady;
    private long _version = 1;
    private long _savedVersion;
    private long _lastSnapshotUnixMilliseconds;
    private volatile bool _retired;

    public HostedModel(string name, RcfModelSettings settings, DateTimeOffset createdAt, Forest? restoredForest = null)
    {
        Name = name;
        _settings = settings;
        CreatedAt = createdAt;
        _forest = restoredForest ?? new Forest(settings.ToForestOptions());
        PublishForestCounters();
    }

    public string Name { get; }

    public RcfModelSettings Settings => Volatile.Read(ref _settings);

    public int FeatureDim => _settings.FeatureDim;

    /// <summary>Values of a shingled point: <see cref="FeatureDim"/> times the shingle size.</summary>
    public int ShingledDimensions => _settings.FeatureDim * _settings.ShingleSize;

    public DateTimeOffset CreatedAt { get; }

    public long Invocations => Interlocked.Read(ref _invocations);

    public long RecordsScored => Interlocked.Read(ref _recordsScored);

    /// <summary>Records the forest has learned (read without taking the gate, so it may trail a running batch).</summary>
    public long TotalUpdates => Interlocked.Read(ref _totalUpdates);

    public bool IsOutputReady => Volatile.Read(ref _outputReady);

    public DateTimeOffset? LastSnapshotAt => Interlocked.Read(ref _lastSnapshotUnixMilliseconds) is > 0 and var ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : null;

    /// <summary>The change count of the last snapshot written.</summary>
    public long SavedVersion => Interlocked.Read(ref _savedVersion);

    /// <summary>Set once the model was deleted or replaced: it must not be written to disk any more.</summary>
    public bool IsRetired => _retired;

    /// <summary>
    /// Scores <c>scores.Length</c> records laid out flat in <paramref name="records"/>; a streaming model learns them
    /// too, each after it was scored.
    /// </summary>
    public ValueTask ScoreAsync(ReadOnlyMemory<float> records, Memory<double> scores, CancellationToken cancellationToken) =>
        ScoreAsync(records, scores, Memory<double>.Empty, Memory<double>.Empty, cancellationToken);

    /// <summary>
    /// Scores as above and, when <paramref name="high"/> and <paramref name="low"/> are not empty, splits each score
    /// over the <see cref="ShingledDimensions"/> values of its shingled point (the forest's attribution).
    /// </summary>
    public async ValueTask ScoreAsync(ReadOnlyMemory<float> records, Memory<double> scores, Memory<double> high, Memory<double> low, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var learn = _settings.Mode == RcfModelMode.Streaming;
            if (high.IsEmpty)
            {
                _forest.ScoreBatch(records.Span, scores.Span, learn);
            }
            else
            {
                _forest.ScoreBatch(records.Span, scores.Span, high.Span, low.Span, learn);
            }

            if (learn)
            {
                _version++;
                PublishForestCounters();
            }
        }
        finally
        {
            _gate.Release();
        }

        Interlocked.Increment(ref _invocations);
        Interlocked.Add(ref _recordsScored, scores.Length);
    }

    /// <summary>Forgets everything learned: a new empty forest with the same settings.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _forest = new Forest(_settings.ToForestOptions());
            _version++;
            PublishForestCounters();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Switches between streaming and frozen, keeping what the forest learned.</summary>
    public async Task ChangeModeAsync(RcfModelMode mode, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_settings.Mode != mode)
            {
                Volatile.Write(ref _settings, _settings with { Mode = mode });
                _version++;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A copy of the forest's state if it changed since the last snapshot, otherwise null.</summary>
    public async Task<ModelCapture?> CaptureIfChangedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _version == Interlocked.Read(ref _savedVersion) ? null : new ModelCapture(_settings, _forest.ToState(), _version);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void MarkSaved(long version, DateTimeOffset savedAt)
    {
        // Versions only grow; a slower writer of an older capture must not move the mark back.
        long saved;
        do
        {
            saved = Interlocked.Read(ref _savedVersion);
            if (version <= saved)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _savedVersion, version, saved) != saved);

        Interlocked.Exchange(ref _lastSnapshotUnixMilliseconds, savedAt.ToUnixTimeMilliseconds());
    }

    public void Retire() => _retired = true;

    private void PublishForestCounters()
    {
        Interlocked.Exchange(ref _totalUpdates, _forest.TotalUpdates);
        Volatile.Write(ref _outputReady, _forest.IsOutputReady);
    }
}
