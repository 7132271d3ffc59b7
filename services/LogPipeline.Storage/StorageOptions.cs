namespace LogPipeline.Storage;

/// <summary>The <c>Pipeline:Storage</c> section: table names, retention, sharding and write concurrency.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Pipeline:Storage";

    public string LogTable { get; set; } = "KafkaLogData";

    public string CounterTable { get; set; } = "KafkaLogCounters";

    /// <summary>Days a log (and a counter bucket) is kept after its event time; drives the <c>expiresAt</c> TTL.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// Partition-key shards of the time and anomaly indexes. More shards spread writes, fewer make reads cheaper
    /// (a query fans out to every shard). Changing it requires a new table: readers derive keys from it.
    /// </summary>
    public int WriteShards { get; set; } = 8;

    /// <summary>Width of a time-index bucket (whole minutes). Changing it requires a new table.</summary>
    public TimeSpan TimeBucket { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Items scoring at least this much (and every item flagged <c>isAnomaly</c>) enter the sparse anomaly index.
    /// RCF scores sit near 1 for normal traffic; 2.0 keeps the index small yet keeps near misses under the fixed
    /// 3.0 threshold queryable.
    /// </summary>
    public double AnomalyIndexFloor { get; set; } = 2.0;

    /// <summary>BatchWriteItem requests (25 items each) in flight at once per writer.</summary>
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>Attempts per BatchWriteItem request (unprocessed items and throttling) before the batch fails.</summary>
    public int MaxWriteAttempts { get; set; } = 10;

    /// <summary>
    /// Routes with a counter of their own per minute or hour bucket; the rest are counted as <c>(other)</c>. Keeps a
    /// bucket's update expression under DynamoDB's 4 KB limit and its item far below 400 KB, whatever the traffic.
    /// </summary>
    public int MaxRoutesPerBucket { get; set; } = 100;

    /// <summary>The largest <see cref="MaxRoutesPerBucket"/> whose update expression fits DynamoDB's 4 KB.</summary>
    public const int MaxRoutesPerBucketLimit = 100;

    /// <summary>Create missing tables at start-up (local development; in AWS the CDK stack owns them).</summary>
    public bool EnsureTables { get; set; }

    internal long TimeBucketMilliseconds => (long)TimeBucket.TotalMilliseconds;
}
