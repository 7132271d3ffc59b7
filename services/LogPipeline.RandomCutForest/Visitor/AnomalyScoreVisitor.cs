using LogPipeline.RandomCutForest.Store;
using LogPipeline.RandomCutForest.Tree;

namespace LogPipeline.RandomCutForest.Visitor;

/// <summary>
/// AWS's <c>AnomalyScoreVisitor</c>: starts from the leaf score, then at each ancestor
/// mixes in the score of being cut off there, weighted by the probability of separation.
/// </summary>
internal ref struct AnomalyScoreVisitor(ReadOnlySpan<float> point, int treeMass) : ITreeVisitor
{
    private readonly ReadOnlySpan<float> _point = point;
    private double _score;
    private bool _pointInsideBox;

    public readonly bool IsConverged => _pointInsideBox;

    public readonly double Result => ScoreFunctions.Normalize(_score, treeMass);

    public void AcceptLeaf(in NodeView leaf, int depth)
    {
        if (PointEquality.Equal(leaf.LeafPoint, _point))
        {
            _pointInsideBox = true;
            _score = ScoreFunctions.Damp(leaf.Mass, treeMass) * ScoreFunctions.ScoreSeen(depth, leaf.Mass);
        }
        else
        {
            _score = ScoreFunctions.ScoreUnseen(depth, leaf.Mass);
        }
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
            // Every ancestor's box contains this one, so none of them can separate the point either.
            _pointInsideBox = true;
            return;
        }

        _score = (probability * ScoreFunctions.ScoreUnseen(depth, node.Mass)) + ((1 - probability) * _score);
    }
}
