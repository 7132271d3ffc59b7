using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Deploy.Topics;

/// <summary>Creates the topics that do not exist yet; existing topics are left as they are (and reported).</summary>
public static partial class TopicInitializer
{
    public const string TopicsSection = "Pipeline:Kafka:Topics";

    /// <summary>The topics under <c>Pipeline:Kafka:Topics:{index}</c>, validated.</summary>
    public static IReadOnlyList<TopicSpec> ReadTopics(IConfiguration configuration)
    {
        var topics = configuration.GetSection(TopicsSection).Get<List<TopicSpec>>() ?? [];
        if (topics.Count == 0)
        {
            throw new InvalidOperationException($"No topics are configured under {TopicsSection}.");
        }

        foreach (var topic in topics)
        {
            if (string.IsNullOrWhiteSpace(topic.Name) || topic.Partitions < 1)
            {
                throw new InvalidOperationException($"Topic '{topic.Name}' needs a name and at least one partition.");
            }
        }

        return topics;
    }

    /// <summary>Returns the names of the topics it created.</summary>
    public static async Task<IReadOnlyList<string>> EnsureTopicsAsync(IAdminClient admin, IReadOnlyList<TopicSpec> topics, ILogger logger, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(topics);
        try
        {
            await admin.CreateTopicsAsync(topics.Select(ToSpecification), new CreateTopicsOptions { RequestTimeout = timeout, OperationTimeout = timeout }).ConfigureAwait(false);
            return Created(topics.Select(t => new CreateTopicReport { Topic = t.Name, Error = new Error(ErrorCode.NoError) }).ToList(), logger);
        }
        catch (CreateTopicsException ex)
        {
            return Created(ex.Results, logger);
        }
    }

    /// <summary>The topics a CreateTopics answer created; existing ones are fine, any other error is not.</summary>
    public static IReadOnlyList<string> Created(IReadOnlyList<CreateTopicReport> reports, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var created = new List<string>();
        foreach (var report in reports)
        {
            switch (report.Error.Code)
            {
                case ErrorCode.NoError:
                    created.Add(report.Topic);
                    LogCreated(logger, report.Topic);
                    break;
                case ErrorCode.TopicAlreadyExists:
                    LogExists(logger, report.Topic);
                    break;
                default:
                    throw new InvalidOperationException($"Could not create topic {report.Topic}: {report.Error.Code}: {report.Error.Reason}");
            }
        }

        return created;
    }

    /// <summary>The CreateTopics request for one topic: its partitions, replication (the cluster's when unset) and retention.</summary>
    public static TopicSpecification ToSpecification(TopicSpec topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var specification = new TopicSpecification
        {
            Name = topic.Name,
            NumPartitions = topic.Partitions,
            ReplicationFactor = topic.ReplicationFactor ?? -1,
            Configs = new Dictionary<string, string>(StringComparer.Ordinal),
        };
        if (topic.RetentionMs is { } retention)
        {
            specification.Configs["retention.ms"] = retention.ToString(CultureInfo.InvariantCulture);
        }

        return specification;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created topic {Topic}")]
    static partial void LogCreated(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic {Topic} exists already; left as it is")]
    static partial void LogExists(ILogger logger, string topic);
}
