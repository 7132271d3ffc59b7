namespace LogPipeline.Storage.Queries;

/// <summary>Caps the DynamoDB Query requests one API request may make, so its latency and cost stay bounded.</summary>
public sealed class QueryBudget(int maxQueries)
{
    public int Used { get; private set; }

    public bool TrySpend(int queries)
    {
        if (Used + queries > maxQueries)
        {
            return false;
        }

        Used += queries;
        return true;
    }
}
