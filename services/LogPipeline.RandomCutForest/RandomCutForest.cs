using LogPipeline.RandomCutForest.Executor;
using LogPipeline.RandomCutForest.Randomness;
using LogPipeline.RandomCutForest.Sampler;
using LogPipeline.RandomCutForest.Shingle;
using LogPipeline.RandomCutForest.State;
using LogPipeline.RandomCutForest.Store;
using LogPipeline.RandomCutForest.Tree;

namespace LogPipeline.RandomCutForest;

/// <summary>
/// A streaming Random Cut Forest (Guha et al., ICML 2016) with the anomaly score of
/// AWS's random-cut-forest-by-aws. Normal points score a little under 1; clear outliers
/// several times that. Not thread-safe: use one instance per stream from one thread
/// at a time (batches may use several cores internally).
/// </summary>
public sealed class RandomCutForest
{
    /// <summary>Batches smaller than this run on the caller's thread even with parallel execution on.</summary>
    public const int MinimumParallelBatch = 16;

    private readonly ForestExecutor _executor;
    private readonly int[] _chunkTargets = new int[ForestExecutor.ChunkCapacity];
    private readonly int _outputAfter;
    private readonly int _firstTreeMassForOutput;
    private bool _outputReady;

    /// <summary>Creates an empty forest.</summary>
    public RandomCutForest(RandomCutForestOptions options)
        : this(ValidatedOrThrow(options), CreateEmptyComponents(options, out var store), store)
    {
    }

    private RandomCutForest(RandomCutForestOptions options, SamplerPlusTree[] components, PointStore store)
    {
        Options = options;
        Components = components;
        Store = store;
        Shingler = new Shingler(options.Dimensions, options.ShingleSize);
        _executor = new ForestExecutor(components, new PointStoreCoordinator(store), options.ShingledDimensions);
        _outputAfter = options.EffectiveOutputAfter;
        _firstTreeMassForOutput = Math.Min(_outputAfter, options.SampleSize);
    }

    /// <summary>The options the forest was built with.</summary>
    public RandomCutForestOptions Options { get; }

    /// <summary>Records passed to an updating call, including those before the first full shingle.</summary>
    public long TotalUpdates { get; private set; }

    /// <summary>Shingled points the trees have been offered; also the last sampler sequence index.</summary>
    public long ShingledUpdates { get; private set; }

    /// <summary>
    /// True once <see cref="RandomCutForestOptions.EffectiveOutputAfter"/> shingled points were
    /// seen and the first tree holds that many (as AWS's <c>isOutputReady</c>); until then scores are 0.
    /// </summary>
    public bool IsOutputReady => _outputReady || ReadyAt(ShingledUpdates, Components[0].Tree.Mass);

    internal SamplerPlusTree[] Components { get; }

    internal PointStore Store { get; }

    internal Shingler Shingler { get; }

    /// <summary>Rebuilds a forest from a snapshot made by <see cref="ToState"/>.</summary>
    public static RandomCutForest FromState(RandomCutForestState state) => new RandomCutForestMapper().ToModel(state);

    /// <summary>Reads a snapshot written by <see cref="Save"/>.</summary>
    public static RandomCutForest Load(Stream stream) => FromState(RandomCutForestStateSerializer.Read(stream));

    /// <summary>Scores the shingle this record would complete, without changing the forest.</summary>
    public double Score(ReadOnlySpan<float> point)
    {
        Span<double> score = stackalloc double[1];
        Process(point, score, update: false, score: true);
        return score[0];
    }

    /// <summary>Adds a record to the stream without scoring it.</summary>
    public void Update(ReadOnlySpan<float> point)
    {
        Span<double> unused = stackalloc double[1];
        Process(point, unused, update: true, score: false);
    }

    /// <summary>Scores a record against the forest as it was before the record, then adds it (streaming default).</summary>
    public double ScoreAndUpdate(ReadOnlySpan<float> point)
    {
        Span<double> score = stackalloc double[1];
        Process(point, score, update: true, score: true);
        return score[0];
    }

    /// <summary>
    /// Scores <c>scores.Length</c> consecutive records laid out flat in <paramref name="points"/>.
    /// With <paramref name="update"/> each record is scored and then added, exactly as repeated
    /// <see cref="ScoreAndUpdate"/> calls; without it each is scored as by <see cref="Score"/>.
    /// Large batches spread groups of trees over cores when parallel execution is on.
    /// </summary>
    public void ScoreBatch(ReadOnlySpan<float> points, Span<double> scores, bool update = true) =>
        Process(points, scores, update, score: true);

    /// <summary>
    /// <see cref="ScoreBatch(ReadOnlySpan{float}, Span{double}, bool)"/> that also splits each score over the
    /// dimensions of the shingled point (AWS's attribution): <paramref name="high"/> and <paramref name="low"/> hold
    /// <see cref="RandomCutForestOptions.ShingledDimensions"/> values per record, record after record, and the
    /// <c>2 · ShingledDimensions</c> values of a record add up to its score. Scores are the same as without attribution;
    /// the cost is about one more pass over each point's path.
    /// </summary>
    public void ScoreBatch(ReadOnlySpan<float> points, Span<double> scores, Span<double> high, Span<double> low, bool update = true)
    {
        var expected = scores.Length * Options.ShingledDimensions;
        if (high.Length != expected || low.Length != expected)
        {
            throw new ArgumentException(
                $"Expected {expected} attribution values per side ({scores.Length} record(s) of {Options.ShingledDimensions}) but got {high.Length} and {low.Length}.",
                nameof(high));
        }

        Process(points, scores, update, score: true, high, low);
    }

    /// <summary>The attribution of the shingle this record would complete, without changing the forest.</summary>
    public DiVector Attribution(ReadOnlySpan<float> point)
    {
        var attribution = new DiVector(Options.ShingledDimensions);
        Span<double> score = stackalloc double[1];
        Process(point, score, update: false, score: true, attribution.High, attribution.Low);
        return attribution;
    }

    /// <summary>Snapshot of the whole model, trees included.</summary>
    public RandomCutForestState ToState() => new RandomCutForestMapper().ToState(this);

    /// <summary>Writes a JSON snapshot; read it back with <see cref="Load"/>.</summary>
    public void Save(Stream stream) => RandomCutForestStateSerializer.Write(stream, ToState());

    internal void RestoreCounters(long totalUpdates, long shingledUpdates, bool outputReady)
    {
        TotalUpdates = totalUpdates;
        ShingledUpdates = shingledUpdates;
        _outputReady = outputReady;
    }

    internal static RandomCutForest FromParts(RandomCutForestOptions options, SamplerPlusTree[] components, PointStore store) =>
        new(options, components, store);

    internal static int StoreCapacity(RandomCutForestOptions options) =>
        (options.NumberOfTrees * options.SampleSize) + ForestExecutor.ChunkCapacity;

    private static RandomCutForestOptions ValidatedOrThrow(RandomCutForestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private static SamplerPlusTree[] CreateEmptyComponents(RandomCutForestOptions options, out PointStore store)
    {
        store = new PointStore(options.ShingledDimensions, StoreCapacity(options));
        var seeds = new RandomSource(options.RandomSeed ?? System.Random.Shared.Next());
        var components = new SamplerPlusTree[options.NumberOfTrees];
        for (var t = 0; t < components.Length; t++)
        {
            var random = new RandomSource(seeds.NextInt64());
            var sampler = new CompactSampler(options.SampleSize, options.TimeDecay, options.InitialAcceptFraction, random);
            components[t] = new SamplerPlusTree(sampler, new RandomCutTree(options.SampleSize, store, random), random);
        }

        return components;
    }

    private bool ReadyAt(long shingledUpdatesSeen, int firstTreeMass) =>
        shingledUpdatesSeen >= _outputAfter && firstTreeMass >= _firstTreeMassForOutput;

    private void Process(ReadOnlySpan<float> points, Span<double> scores, bool update, bool score) =>
        Process(points, scores, update, score, [], []);

    // With non-empty high/low spans the scores are attributed too.
    private void Process(ReadOnlySpan<float> points, Span<double> scores, bool update, bool score, Span<double> high, Span<double> low)
    {
        RequireRecords(points, scores.Length);
        var parallel = Options.ParallelExecution && scores.Length >= MinimumParallelBatch;
        var dimensions = Options.Dimensions;
        var record = 0;
        while (record < scores.Length)
        {
            var count = 0;
            for (; record < scores.Length && count < ForestExecutor.ChunkCapacity; record++)
            {
                var values = points.Slice(record * dimensions, dimensions);
                scores[record] = 0.0;
                if (!high.IsEmpty)
                {
                    high.Slice(record * Options.ShingledDimensions, Options.ShingledDimensions).Clear();
                    low.Slice(record * Options.ShingledDimensions, Options.ShingledDimensions).Clear();
                }

                if (Shingler.TryBuild(values, _executor.PointSlot(count)))
                {
                    _chunkTargets[count++] = record;
                }

                if (update)
                {
                    Shingler.Push(values);
                    TotalUpdates++;
                }
            }

            if (count > 0)
            {
                RunChunk(scores, count, update, score, parallel, high, low);
            }
        }
    }

    private void RunChunk(Span<double> scores, int count, bool update, bool score, bool parallel, Span<double> high, Span<double> low)
    {
        if (!update && !IsOutputReady)
        {
            return;
        }

        var attribute = !high.IsEmpty;
        _executor.Run(count, score, update, ShingledUpdates + 1, parallel, attribute);
        for (var k = 0; k < count; k++)
        {
            // Readiness is judged per point, on the forest as it was just before that point.
            _outputReady |= update && ReadyAt(ShingledUpdates + k, _executor.FirstTreeMassBefore(k));
            if (score && _outputReady)
            {
                scores[_chunkTargets[k]] = _executor.ScoreSum(k) / Components.Length;
                if (attribute)
                {
                    AverageAttribution(k, high, low);
                }
            }
        }

        if (update)
        {
            ShingledUpdates += count;
        }
    }

    private void AverageAttribution(int chunkIndex, Span<double> high, Span<double> low)
    {
        var dimensions = Options.ShingledDimensions;
        var recordHigh = high.Slice(_chunkTargets[chunkIndex] * dimensions, dimensions);
        var recordLow = low.Slice(_chunkTargets[chunkIndex] * dimensions, dimensions);
        _executor.AttributionSum(chunkIndex, recordHigh, recordLow);
        for (var i = 0; i < dimensions; i++)
        {
            recordHigh[i] /= Components.Length;
            recordLow[i] /= Components.Length;
        }
    }

    private void RequireRecords(ReadOnlySpan<float> values, int records)
    {
        if (values.Length != records * Options.Dimensions)
        {
            throw new ArgumentException(
                $"Expected {records} record(s) of {Options.Dimensions} values ({records * Options.Dimensions} in all) but got {values.Length} values.",
                "points");
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Value {i % Options.Dimensions} of record {i / Options.Dimensions} is {values[i]}; records must be finite.",
                    "points");
            }
        }
    }
}
