namespace LogPipeline.Replay;

/// <summary>Where a replay sends the archived logs.</summary>
public enum ReplayTarget
{
    /// <summary>Back into <c>logs.raw</c> as raw logs: the scorer scores them again with the model it runs now.</summary>
    Raw,

    /// <summary>Straight into DynamoDB through the writer's <c>LogBatchWriter</c>, as archived (never through <c>logs.scored</c>, which the archiver would archive again).</summary>
    Store,
}
