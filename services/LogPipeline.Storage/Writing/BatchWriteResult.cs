namespace LogPipeline.Storage.Writing;

/// <param name="Written">Items put into the log table.</param>
/// <param name="AlreadyStored">Logs skipped because an item with their id and timestamp already existed.</param>
/// <param name="Counted">Logs added to the counters by this call (not counted before).</param>
public readonly record struct BatchWriteResult(int Written, int AlreadyStored, int Counted);
