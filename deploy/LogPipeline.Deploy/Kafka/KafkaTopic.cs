using System.Globalization;

namespace LogPipeline.Deploy.Kafka;

/// <summary>A topic's settings. MSK has no CloudFormation resource for topics: the topic initializer creates them.</summary>
public sealed record KafkaTopic(string Name, int Partitions, TimeSpan Retention)
{
    /// <summary>The topics of the pipeline: logs.raw and logs.scored as wide as the consumers scale, logs.dlq narrow and kept longer.</summary>
    public static IReadOnlyList<KafkaTopic> All(DeploymentSettings settings) =>
    [
        new(settings.RawTopic, settings.Partitions, TimeSpan.FromHours(settings.TopicRetentionHours)),
        new(settings.ScoredTopic, settings.Partitions, TimeSpan.FromHours(settings.TopicRetentionHours)),
        new(settings.DeadLetterTopic, settings.DeadLetterPartitions, TimeSpan.FromHours(settings.DeadLetterRetentionHours)),
    ];

    /// <summary>The topic initializer's configuration (<c>Pipeline:Kafka:Topics:{index}:*</c>) as environment variables.</summary>
    public static IDictionary<string, string> ToEnvironment(IReadOnlyList<KafkaTopic> topics, int? replicationFactor)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var prefix = $"Pipeline__Kafka__Topics__{i}__";
            environment[prefix + "Name"] = topics[i].Name;
            environment[prefix + "Partitions"] = topics[i].Partitions.ToString(CultureInfo.InvariantCulture);
            environment[prefix + "RetentionMs"] = ((long)topics[i].Retention.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            if (replicationFactor is { } factor)
            {
                environment[prefix + "ReplicationFactor"] = factor.ToString(CultureInfo.InvariantCulture);
            }
        }

        return environment;
    }
}
