using Amazon.CDK.AWS.IAM;

namespace LogPipeline.Deploy.Kafka;

/// <summary>
/// MSK IAM access control policies, each scoped to the cluster and to named topics and consumer groups
/// (the actions of https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html).
/// </summary>
public static class KafkaPermissions
{
    /// <summary>Connect, and produce with the idempotent producer every service uses (a cluster-level action).</summary>
    public static PolicyStatement Connect(KafkaCluster cluster, bool idempotentProducer) => new(new PolicyStatementProps
    {
        Sid = "KafkaConnect",
        Actions = idempotentProducer ? ["kafka-cluster:Connect", "kafka-cluster:WriteDataIdempotently"] : ["kafka-cluster:Connect"],
        Resources = [cluster.ClusterArn],
    });

    public static PolicyStatement Produce(KafkaCluster cluster, params string[] topics) => new(new PolicyStatementProps
    {
        Sid = "KafkaProduce",
        Actions = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"],
        Resources = Array.ConvertAll(topics, cluster.TopicArn),
    });

    public static PolicyStatement Consume(KafkaCluster cluster, params string[] topics) => new(new PolicyStatementProps
    {
        Sid = "KafkaConsume",
        Actions = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
        Resources = Array.ConvertAll(topics, cluster.TopicArn),
    });

    /// <summary>Join <paramref name="group"/>, commit and read its offsets.</summary>
    public static PolicyStatement ConsumerGroup(KafkaCluster cluster, string group) => new(new PolicyStatementProps
    {
        Sid = "KafkaConsumerGroup",
        Actions = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"],
        Resources = [cluster.GroupArn(group)],
    });

    /// <summary>The topic initializer, which runs in the service's task before the service: create its own topics if missing.</summary>
    public static PolicyStatement CreateTopics(KafkaCluster cluster, IEnumerable<string> topics) => new(new PolicyStatementProps
    {
        Sid = "KafkaCreateTopics",
        Actions = ["kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic"],
        Resources = topics.Select(cluster.TopicArn).ToArray(),
    });
}
