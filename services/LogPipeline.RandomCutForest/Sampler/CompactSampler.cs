using LogPipeline.RandomCutForest.Randomness;

namespace LogPipeline.RandomCutForest.Sampler;

/// <summary>
/// Time-decayed weighted reservoir sampler (AWS's <c>CompactSampler</c>): a max-heap of
/// weights <c>-timeDecay * sequenceIndex + log(-log(u))</c>. The smallest weights stay in
/// the sample, so with decay newer points are favoured and with zero decay it is uniform.
/// </summary>
/// <remarks>
/// Once the sample is full a point is accepted only if its weight beats the heap top.
/// Instead of drawing a weight for every point (two logarithms per tree per point), the
/// sampler draws when the next acceptance happens and then the accepted weight from its
/// conditional distribution, as reservoir "skip" algorithms do. The accepted points and
/// weights have the same distribution as drawing every weight.
/// </remarks>
internal sealed class CompactSampler
{
    public const long NotDrawn = -1;

    private readonly double[] _weights;
    private readonly int[] _pointIndexes;
    private readonly long[] _sequenceIndexes;
    private readonly double _initialAcceptFraction;
    private readonly RandomSource _random;
    private double _pendingWeight;
    private long _pendingSequenceIndex = -1;
    private long _nextAcceptance = NotDrawn;

    public CompactSampler(int capacity, double timeDecay, double initialAcceptFraction, RandomSource random)
    {
        Capacity = capacity;
        TimeDecay = timeDecay;
        _initialAcceptFraction = initialAcceptFraction;
        _random = random;
        _weights = new double[capacity];
        _pointIndexes = new int[capacity];
        _sequenceIndexes = new long[capacity];
    }

    public int Capacity { get; }

    public double TimeDecay { get; }

    public int Size { get; private set; }

    public bool IsFull => Size == Capacity;

    public ReadOnlySpan<double> Weights => _weights.AsSpan(0, Size);

    public ReadOnlySpan<int> PointIndexes => _pointIndexes.AsSpan(0, Size);

    public ReadOnlySpan<long> SequenceIndexes => _sequenceIndexes.AsSpan(0, Size);

    /// <summary>Sequence index of the next accepted point once full, or <see cref="NotDrawn"/>.</summary>
    public long NextAcceptance => _nextAcceptance;

    /// <summary>
    /// Decides whether the point with <paramref name="sequenceIndex"/> enters the sample.
    /// When it does and the heap top has to make room, the evicted point is returned
    /// (and must be deleted from the tree before <see cref="AddPoint"/> is called).
    /// </summary>
    public bool AcceptPoint(long sequenceIndex, out int evictedPointIndex, out long evictedSequenceIndex)
    {
        evictedPointIndex = -1;
        evictedSequenceIndex = -1;
        if (IsFull)
        {
            return AcceptWhenFull(sequenceIndex, out evictedPointIndex, out evictedSequenceIndex);
        }

        var weight = ComputeWeight(sequenceIndex);
        var initial = Size < Capacity && _random.NextDouble() < InitialAcceptProbability(Size);
        if (!initial && (Size == 0 || weight >= _weights[0]))
        {
            return false;
        }

        if (!initial)
        {
            evictedPointIndex = _pointIndexes[0];
            evictedSequenceIndex = _sequenceIndexes[0];
            RemoveTop();
        }

        _pendingWeight = weight;
        _pendingSequenceIndex = sequenceIndex;
        return true;
    }

    private bool AcceptWhenFull(long sequenceIndex, out int evictedPointIndex, out long evictedSequenceIndex)
    {
        evictedPointIndex = -1;
        evictedSequenceIndex = -1;
        if (_nextAcceptance == NotDrawn)
        {
            _nextAcceptance = DrawNextAcceptance(sequenceIndex);
        }

        if (sequenceIndex < _nextAcceptance)
        {
            return false;
        }

        _pendingWeight = DrawAcceptedWeight(sequenceIndex);
        _pendingSequenceIndex = sequenceIndex;
        evictedPointIndex = _pointIndexes[0];
        evictedSequenceIndex = _sequenceIndexes[0];
        RemoveTop();
        // The heap top changes, so the next acceptance is drawn afresh on the next call.
        _nextAcceptance = NotDrawn;
        return true;
    }

    /// <summary>
    /// A point with sequence index s is accepted when E_s = -log(u_s) is below
    /// c_s = exp(top + s * timeDecay), so it is rejected with probability exp(-c_s). With
    /// c growing by the factor e^timeDecay per point, the first acceptance from
    /// <paramref name="firstSequenceIndex"/> on is found by inverting the survival
    /// probability exp(-sum of c) against one exponential draw.
    /// </summary>
    private long DrawNextAcceptance(long firstSequenceIndex)
    {
        var threshold = Math.Exp(_weights[0] + (firstSequenceIndex * TimeDecay));
        var exponential = -Math.Log(NextOpenUniform());
        var points = TimeDecay > 0
            ? double.LogP1(exponential * double.ExpM1(TimeDecay) / threshold) / TimeDecay
            : exponential / threshold;
        var skipped = points >= long.MaxValue / 4 ? long.MaxValue / 4 : (long)Math.Floor(points);
        return firstSequenceIndex + skipped;
    }

    /// <summary>Draws log(E) given E below the acceptance threshold, E exponential.</summary>
    private double DrawAcceptedWeight(long sequenceIndex)
    {
        var threshold = Math.Exp(_weights[0] + (sequenceIndex * TimeDecay));
        var truncatedExponential = -double.LogP1(-NextOpenUniform() * -double.ExpM1(-threshold));
        return -(sequenceIndex * TimeDecay) + Math.Log(truncatedExponential);
    }

    private double NextOpenUniform()
    {
        double u;
        do
        {
            u = _random.NextDouble();
        }
        while (u == 0.0);

        return u;
    }

    /// <summary>Completes an accepted point with the index the tree actually stored.</summary>
    public void AddPoint(int pointIndex)
    {
        if (_pendingSequenceIndex < 0)
        {
            throw new InvalidOperationException("AddPoint must follow an accepting AcceptPoint call.");
        }

        Insert(_pendingWeight, pointIndex, _pendingSequenceIndex);
        _pendingSequenceIndex = -1;
    }

    /// <summary>Loads a saved sample; the heap order is rebuilt, so any order is accepted.</summary>
    public void Restore(
        ReadOnlySpan<double> weights,
        ReadOnlySpan<int> pointIndexes,
        ReadOnlySpan<long> sequenceIndexes,
        long nextAcceptance)
    {
        if (weights.Length > Capacity || pointIndexes.Length != weights.Length || sequenceIndexes.Length != weights.Length)
        {
            throw new ArgumentException("Sampler state arrays must have equal lengths no larger than the sample size.");
        }

        weights.CopyTo(_weights);
        pointIndexes.CopyTo(_pointIndexes);
        sequenceIndexes.CopyTo(_sequenceIndexes);
        Size = weights.Length;
        _nextAcceptance = IsFull ? nextAcceptance : NotDrawn;
        for (var i = Size / 2; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    // AWS admits every point until the sample is initialAcceptFraction full, then
    // linearly less often, so trees diverge early instead of all holding the first points.
    private double InitialAcceptProbability(int size)
    {
        if (size < _initialAcceptFraction * Capacity)
        {
            return 1.0;
        }

        if (_initialAcceptFraction >= 1.0)
        {
            return 0.0;
        }

        return 1.0 - (((double)size / Capacity) - _initialAcceptFraction) / (1.0 - _initialAcceptFraction);
    }

    private double ComputeWeight(long sequenceIndex) =>
        -(sequenceIndex * TimeDecay) + Math.Log(-Math.Log(NextOpenUniform()));

    private void Insert(double weight, int pointIndex, long sequenceIndex)
    {
        var current = Size++;
        _weights[current] = weight;
        _pointIndexes[current] = pointIndex;
        _sequenceIndexes[current] = sequenceIndex;
        while (current > 0)
        {
            var parent = (current - 1) / 2;
            if (_weights[parent] >= _weights[current])
            {
                break;
            }

            Swap(parent, current);
            current = parent;
        }
    }

    private void RemoveTop()
    {
        Size--;
        _weights[0] = _weights[Size];
        _pointIndexes[0] = _pointIndexes[Size];
        _sequenceIndexes[0] = _sequenceIndexes[Size];
        SiftDown(0);
    }

    private void SiftDown(int start)
    {
        var current = start;
        while (true)
        {
            var largest = current;
            var left = (2 * current) + 1;
            var right = left + 1;
            if (left < Size && _weights[left] > _weights[largest])
            {
                largest = left;
            }

            if (right < Size && _weights[right] > _weights[largest])
            {
                largest = right;
            }

            if (largest == current)
            {
                return;
            }

            Swap(current, largest);
            current = largest;
        }
    }

    private void Swap(int a, int b)
    {
        (_weights[a], _weights[b]) = (_weights[b], _weights[a]);
        (_pointIndexes[a], _pointIndexes[b]) = (_pointIndexes[b], _pointIndexes[a]);
        (_sequenceIndexes[a], _sequenceIndexes[b]) = (_sequenceIndexes[b], _sequenceIndexes[a]);
    }
}
