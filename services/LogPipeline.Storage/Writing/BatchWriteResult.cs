namespace LogPipeline.Storage.Writing;

/// <param name="Written">Items put into the log table (<paramref name="Replaced"/> included).</param>
/// <param name="AlreadyStored">Logs skipped because an item with their id and timestamp already existed.</param>
/// <param name="Counted">Logs added to the counters by this call (not counted before).</param>
/// <param name="Replaced">Re-scored logs whose stored item was replaced by the new verdict (not counted again).</param>
/// <param name="Timings">How long each phase took.</param>
public readonly record struct BatchWriteResult(int Written, int AlreadyStored, int Counted, int Replaced = 0, BatchWriteTimings Timings = default);
