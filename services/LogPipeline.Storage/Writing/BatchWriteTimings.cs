namespace LogPipeline.Storage.Writing;

/// <summary>Milliseconds each phase of storing one batch took (see <see cref="WriterPhase"/>).</summary>
public readonly record struct BatchWriteTimings(double FindMs, double CountMs, double PutMs);
