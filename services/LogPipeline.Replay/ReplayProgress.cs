namespace LogPipeline.Replay;

/// <summary>
/// How far a replay got: archived objects read, logs in the range, logs sent (published to <c>logs.raw</c> and
/// acknowledged, or written to the table), and logs skipped because their id was already handled in this replay
/// (several archived copies) or already stored (restore).
/// </summary>
public sealed class ReplayProgress
{
    long _objects;
    long _objectsTotal;
    long _inRange;
    long _sent;
    long _alreadyStored;
    long _duplicates;

    public long Objects => Interlocked.Read(ref _objects);

    public long ObjectsTotal => Interlocked.Read(ref _objectsTotal);

    public long InRange => Interlocked.Read(ref _inRange);

    public long Sent => Interlocked.Read(ref _sent);

    public long AlreadyStored => Interlocked.Read(ref _alreadyStored);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    internal void SetObjectsTotal(long total) => Interlocked.Exchange(ref _objectsTotal, total);

    internal void ObjectRead() => Interlocked.Increment(ref _objects);

    internal void Found(long count) => Interlocked.Add(ref _inRange, count);

    internal void Delivered(long count) => Interlocked.Add(ref _sent, count);

    internal void Stored(long count) => Interlocked.Add(ref _alreadyStored, count);

    internal void Duplicate() => Interlocked.Increment(ref _duplicates);
}
