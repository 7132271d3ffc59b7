namespace LogPipeline.RandomCutForest.Executor;

/// <summary>
/// Scores and updates a chunk of points against every tree. Trees are split into fixed blocks; a block runs all
/// points of the chunk through its trees in order, so each tree sees exactly the sequence it would see one point at
/// a time, whichever thread runs the block (<see cref="TreeBlockScheduler"/>). Per-tree results are stored tree after
/// tree (no two threads write the same cache line but at the edges of their blocks) and per-tree scores are summed
/// afterwards in tree order, which keeps sums bit-identical to one-at-a-time calls. Attributions (when asked for) are
/// summed per block in tree order and then over blocks in block order; the blocks do not depend on the number of
/// cores or on parallelism, so neither do attributions.
/// </summary>
internal sealed class ForestExecutor
{
    public const int ChunkCapacity = 128;

    // Small enough that the thread finishing last waits little (a block is 1/25 of a chunk's work), large enough that
    // per-block attribution sums stay small. Fixed, so attributions are the same on any machine.
    private const int MaxBlocks = 25;

    private readonly SamplerPlusTree[] _components;
    private readonly PointStoreCoordinator _coordinator;
    private readonly int _dimensions;
    private readonly float[] _points;
    private readonly int[] _heldPointIndexes = new int[ChunkCapacity];
    private readonly int[] _firstTreeMassBefore = new int[ChunkCapacity];
    private readonly double[] _scoreSums = new double[ChunkCapacity];

    // Per tree and point, tree after tree: slot t * _count + k.
    private readonly double[] _treeScores;
    private readonly int[] _addedPointIndexes;
    private readonly int[] _evictedPointIndexes;
    private readonly int _blockCount;
    private readonly TreeBlockScheduler _scheduler;
    private int _count;
    private bool _score;
    private bool _update;
    private bool _attribute;
    private double[][]? _blockAttributions;
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
        _blockCount = Math.Min(MaxBlocks, components.Length);
        _scheduler = new TreeBlockScheduler(RunBlock, helpers: Math.Min(Environment.ProcessorCount, _blockCount) - 1);
    }

    public Span<float> PointSlot(int index) => _points.AsSpan(index * _dimensions, _dimensions);

    /// <summary>Tree 0's mass just before point <paramref name="index"/> of the last chunk was applied.</summary>
    public int FirstTreeMassBefore(int index) => _firstTreeMassBefore[index];

    /// <summary>Sum of the trees' scores for point <paramref name="index"/>, added in tree order.</summary>
    public double ScoreSum(int index) => _scoreSums[index];

    /// <summary>
    /// The trees' attributions of point <paramref name="index"/> added up (high parts, then low parts); only after a
    /// run with attribution.
    /// </summary>
    public void AttributionSum(int index, Span<double> high, Span<double> low)
    {
        high.Clear();
        low.Clear();
        foreach (var block in _blockAttributions!)
        {
            var parts = block.AsSpan(index * 2 * _dimensions, 2 * _dimensions);
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

        _scheduler.Run(_blockCount, parallel);
        if (score)
        {
            SumScores(count);
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

    // Tree by tree, so each point's sum takes the trees in order, as a loop over trees per point would.
    private void SumScores(int count)
    {
        var sums = _scoreSums.AsSpan(0, count);
        sums.Clear();
        for (var t = 0; t < _components.Length; t++)
        {
            var scores = _treeScores.AsSpan(t * count, count);
            for (var k = 0; k < sums.Length; k++)
            {
                sums[k] += scores[k];
            }
        }
    }

    private void RunBlock(int block)
    {
        var trees = _components.Length;
        RunTrees(block * trees / _blockCount, (block + 1) * trees / _blockCount, block);
    }

    private void PrepareAttributions(int count)
    {
        if (_blockAttributions is null)
        {
            _blockAttributions = new double[_blockCount][];
            _treeAttributions = new double[_blockCount][];
            for (var block = 0; block < _blockCount; block++)
            {
                _blockAttributions[block] = new double[ChunkCapacity * 2 * _dimensions];
                _treeAttributions[block] = new double[2 * _dimensions];
            }
        }

        foreach (var block in _blockAttributions)
        {
            block.AsSpan(0, count * 2 * _dimensions).Clear();
        }
    }

    private void RunTrees(int firstTree, int endTree, int block)
    {
        for (var t = firstTree; t < endTree; t++)
        {
            var component = _components[t];
            var first = t * _count;
            for (var k = 0; k < _count; k++)
            {
                var slot = first + k;
                if (_attribute)
                {
                    _treeScores[slot] = AttributeOne(component.Tree, k, block);
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

    private double AttributeOne(Tree.RandomCutTree tree, int k, int block)
    {
        var parts = _treeAttributions![block].AsSpan();
        var score = tree.Attribute(PointSlot(k), parts[.._dimensions], parts[_dimensions..]);
        var sums = _blockAttributions![block].AsSpan(k * 2 * _dimensions, 2 * _dimensions);
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] += parts[i];
        }

        return score;
    }
}
