using LogPipeline.RandomCutForest.Store;
using LogPipeline.RandomCutForest.Tree;

namespace LogPipeline.RandomCutForest.Visitor;

/// <summary>
/// AWS's <c>AnomalyAttributionVisitor</c>: the score of <see cref="AnomalyScoreVisitor"/>, split over the dimensions
/// and the two sides of each (<paramref name="high"/>: the point lies above what the tree knows, <paramref name="low"/>:
/// below). Where the score visitor mixes in <c>p · unseen</c> at a node, the share of dimension <c>i</c> is the part of
/// <c>p</c> its own gap to the node's box accounts for, so the parts always add up to the score. The scalar score is
/// kept alongside, computed exactly as the score visitor does, so scores do not change when attribution is asked for.
/// A point equal to its leaf is split evenly (a duplicate is not unusual in any one dimension).
/// </summary>
internal ref struct AnomalyAttributionVisitor : ITreeVisitor
{
    private readonly ReadOnlySpan<float> _point;
    private readonly Span<double> _high;
    private readonly Span<double> _low;
    private readonly int _treeMass;
    private double _score;
    private bool _pointInsideBox;

    public AnomalyAttributionVisitor(ReadOnlySpan<float> point, int treeMass, Span<double> high, Span<double> low)
    {
        _point = point;
        _treeMass = treeMass;
        _high = high;
        _low = low;
    }

    public readonly bool IsConverged => _pointInsideBox;

    /// <summary>The tree's score, identical to <see cref="AnomalyScoreVisitor.Result"/>.</summary>
    public readonly double Result => ScoreFunctions.Normalize(_score, _treeMass);

    /// <summary>Scales the attribution as the score is scaled; call once, after the traversal.</summary>
    public readonly void NormalizeAttribution()
    {
        var scale = ScoreFunctions.Normalize(1.0, _treeMass);
        for (var i = 0; i < _high.Length; i++)
        {
            _high[i] *= scale;
            _low[i] *= scale;
        }
    }

    public void AcceptLeaf(in NodeView leaf, int depth)
    {
        if (PointEquality.Equal(leaf.LeafPoint, _point))
        {
            _pointInsideBox = true;
            _score = ScoreFunctions.Damp(leaf.Mass, _treeMass) * ScoreFunctions.ScoreSeen(depth, leaf.Mass);
            var share = _score / (2.0 * _point.Length);
            _high.Fill(share);
            _low.Fill(share);
            return;
        }

        _score = ScoreFunctions.ScoreUnseen(depth, leaf.Mass);
        _high.Clear();
        _low.Clear();
        Mix(leaf.BoxMin, leaf.BoxMax, _score, 1.0);
    }

    public void Accept(in NodeView node, int depth)
    {
        if (_pointInsideBox)
        {
            return;
        }

        var probability = BoundingBox.ProbabilityOfSeparation(node.BoxMin, node.BoxMax, _point);
        if (probability <= 0)
        {
            _pointInsideBox = true;
            return;
        }

        var unseen = ScoreFunctions.ScoreUnseen(depth, node.Mass);
        _score = (probability * unseen) + ((1 - probability) * _score);
        Mix(node.BoxMin, node.BoxMax, unseen, 1 - probability);
    }

    // attribution = (share of the cut probability per side) · unseen + keep · attribution
    private readonly void Mix(ReadOnlySpan<float> min, ReadOnlySpan<float> max, double unseen, double keep)
    {
        var newRange = 0.0;
        for (var i = 0; i < _point.Length; i++)
        {
            double x = _point[i];
            newRange += Math.Max(max[i], x) - Math.Min(min[i], x);
        }

        for (var i = 0; i < _point.Length; i++)
        {
            double x = _point[i];
            var above = Math.Max(x - max[i], 0.0);
            var below = Math.Max(min[i] - x, 0.0);
            _high[i] = (above / newRange * unseen) + (keep * _high[i]);
            _low[i] = (below / newRange * unseen) + (keep * _low[i]);
        }
    }
}
