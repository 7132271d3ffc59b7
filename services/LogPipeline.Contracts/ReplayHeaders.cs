namespace LogPipeline.Contracts;

/// <summary>Headers that mark a log replayed from the archive.</summary>
public static class ReplayHeaders
{
    /// <summary>
    /// The archived object a replayed log was read from. Set by the replayer on <c>logs.raw</c> and carried on by the
    /// scorer to <c>logs.scored</c>: the writer then replaces the stored verdict with the re-scored one (a re-score)
    /// instead of keeping the first.
    /// </summary>
    public const string Source = "replay.source";
}
