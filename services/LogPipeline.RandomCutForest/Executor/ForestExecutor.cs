namespace LogPipeline.RandomCutForest.Executor;

/// <summary>
/// Scores and updates a chunk of points against every tree. Trees are split into one
/// group per core; a group runs all points of the chunk through its trees in order, so
/// each tree sees exactly the sequence it would see one point at a time and results do
/// not depend on whether groups ran in parallel. Per-tree scores are summed afterwards
/// in tree order, which keeps sums bit-identical too. Attributions (when asked for) are summed per group in tree
/// order and then over groups in group order; sequential runs use the same groups, so they do not depend on
/// parallelism either.
/// </summary>
internal sealed class ForestExecutor
{
    public const int ChunkCapacity = 128;

    private readonly SamplerPlusTree[] _components;
    private readonly PointStoreCoordinator _coordinator;
    private readonly int _dimensions;
    private readonly float[] _points;
    private readonly int[] _heldPointIndexes = new int[ChunkCapacity];
    private readonly int[] _firstTreeMassBefore = new int[ChunkCapacity];
    private readonly double[] _treeScores;
    private readonly int[] _addedPointIndexes;
    private readonly int[] _evictedPointIndexes;
    private readonly int _groupCount;
    private readonly Action<int> _runGroup;
    private int _count;
    private bool _score;
    private bool _update;
    private bool _attribute;
    private double[][]? _groupAttributions;
    private double[][]? _treeAttributions;
    private long _firstSequenceIndex;

    public ForestExecutor(SamplerPlusTree[] components, PointStoreCoordinator coordinator, int dimensions)
    {
        _components = components;
        _coordinator = coordinator;
        _dimensions = dimensions;
        _points = new float[ChunkCapacity * dimensions];
        _treeScores = new double[ChunkCapacity * components.Length];
        _addedPointIndexes = new int[ChunkCapacity * components.Length];
        _evictedPointIndexes = new int[ChunkCapacity * components.Length];
        _groupCount = Math.Min(Environment.ProcessorCount, components.Length);
        _runGroup = RunGroup;
    }

    public bool CanRunInParallel => _groupCount > 1;

    public Span<float> PointSlot(int index) => _points.AsSpan(index * _dimensions, _dimensions);

    /// <summary>Tree 0's mass just before point <paramref name="index"/> of the last chunk was applied.</summary>
    public int FirstTreeMassBefore(int index) => _firstTreeMassBefore[index];

    /// <summary>Sum of the trees' scores for point <paramref name="index"/>, added in tree order.</summary>
    public double ScoreSum(int index)
    {
        var sum = 0.0;
        foreach (var score in _treeScores.AsSpan(index * _components.Length, _components.Length))
        {
            sum += score;
        }

        return sum;
    }

    /// <summary>
    /// The trees' attributions of point <paramref name="index"/> added up (high parts, then low parts); only after a
    /// run with attribution.
    /// </summary>
    public void AttributionSum(int index, Span<double> high, Span<double> low)
    {
        high.Clear();
        low.Clear();
        foreach (var group in _groupAttributions!)
        {
            var parts = group.AsSpan(index * 2 * _dimensions, 2 * _dimensions);
            for (var i = 0; i < _dimensions; i++)
            {
                high[i] += parts[i];
                low[i] += parts[_dimensions + i];
            }
        }
    }

    /// <summary>Runs the first <paramref name="count"/> point slots; point k gets sequence index first + k.</summary>
    public void Run(int count, bool score, bool update, long firstSequenceIndex, bool parallel, bool attribute = false)
    {
        _count = count;
        _score = score;
        _update = update;
        _attribute = score && attribute;
        if (_attribute)
        {
            PrepareAttributions(count);
        }

        _firstSequenceIndex = firstSequenceIndex;
        if (update)
        {
            for (var k = 0; k < count; k++)
            {
                _heldPointIndexes[k] = _coordinator.Hold(PointSlot(k));
            }
        }

        if (parallel && CanRunInParallel)
        {
            Parallel.For(0, _groupCount, _runGroup);
        }
        else if (_attribute)
        {
            for (var group = 0; group < _groupCount; group++)
            {
                RunGroup(group);
            }
        }
        else
        {
            RunTrees(0, _components.Length, 0);
        }

        if (update)
        {
            var used = count * _components.Length;
            _coordinator.Complete(
                _addedPointIndexes.AsSpan(0, used),
                _evictedPointIndexes.AsSpan(0, used),
                _heldPointIndexes.AsSpan(0, count));
        }
    }

    private void RunGroup(int group)
    {
        var trees = _components.Length;
        RunTrees(group * trees / _groupCount, (group + 1) * trees / _groupCount, group);
    }

    private void PrepareAttributions(int count)
    {
        if (_groupAttributions is null)
        {
            _groupAttributions = new double[_groupCount][];
            _treeAttributions = new double[_groupCount][];
            for (var group = 0; group < _groupCount; group++)
            {
                _groupAttributions[group] = new double[ChunkCapacity * 2 * _dimensions];
                _treeAttributions[group] = new double[2 * _dimensions];
            }
        }

        foreach (var group in _groupAttributions)
        {
            group.AsSpan(0, count * 2 * _dimensions).Clear();
        }
    }

    private void RunTrees(int firstTree, int endTree, int group)
    {
        var trees = _components.Length;
        for (var t = firstTree; t < endTree; t++)
        {
            var component = _components[t];
            for (var k = 0; k < _count; k++)
            {
                var slot = (k * trees) + t;
                if (_attribute)
                {
                    _treeScores[slot] = AttributeOne(component.Tree, k, group);
                }
                else if (_score)
                {
                    _treeScores[slot] = component.Tree.Score(PointSlot(k));
                }

                if (t == 0)
                {
                    _firstTreeMassBefore[k] = component.Tree.Mass;
                }

                if (_update)
                {
                    var result = component.Update(_heldPointIndexes[k], _firstSequenceIndex + k);
                    _addedPointIndexes[slot] = result.AddedPointIndex;
                    _evictedPointIndexes[slot] = result.EvictedPointIndex;
                }
            }
        }
    }

    private double AttributeOne(Tree.RandomCutTree tree, int k, int group)
    {
        var parts = _treeAttributions![group].AsSpan();
        var score = tree.Attribute(PointSlot(k), parts[.._dimensions], parts[_dimensions..]);
        var sums = _groupAttributions![group].AsSpan(k * 2 * _dimensions, 2 * _dimensions);
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] += parts[i];
        }

        return score;
    }
}
