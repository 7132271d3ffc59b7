namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Ends a record and words the error when it has the wrong number of features.</summary>
static class FeatureCountCheck
{
    public static bool TryEnd(FeatureBatch batch, out string? error)
    {
        var number = batch.CurrentRecordNumber;
        if (batch.TryEndRecord(out var count))
        {
            error = null;
            return true;
        }

        error = $"Record {number} has {count} features but the model expects {batch.FeatureDim}.";
        return false;
    }
}
