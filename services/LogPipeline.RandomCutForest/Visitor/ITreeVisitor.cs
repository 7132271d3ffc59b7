namespace LogPipeline.RandomCutForest.Visitor;

/// <summary>
/// Visits the path of one point through a tree: the leaf first, then each ancestor up
/// to the root (AWS's <c>Visitor</c>). Implemented by structs so traversal is generic,
/// inlined and allocation-free.
/// </summary>
internal interface ITreeVisitor
{
    /// <summary>When true the remaining ancestors cannot change the result and are skipped.</summary>
    bool IsConverged { get; }

    void AcceptLeaf(in NodeView leaf, int depth);

    void Accept(in NodeView node, int depth);
}
