namespace LogPipeline.Deploy.Topics;

/// <summary>One topic under <c>Pipeline:Kafka:Topics:{index}</c>, as the CDK stack writes it into the task definition.</summary>
public sealed class TopicSpec
{
    public string Name { get; set; } = string.Empty;

    public int Partitions { get; set; } = 1;

    /// <summary><c>retention.ms</c>; null keeps the cluster's default.</summary>
    public long? RetentionMs { get; set; }

    /// <summary>Null lets the cluster decide (required on MSK Serverless, which always keeps three replicas).</summary>
    public short? ReplicationFactor { get; set; }
}
