using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using LogPipeline.Contracts;
using LogPipeline.Deploy.Kafka;
using LogPipeline.Deploy.Model;
using LogPipeline.Deploy.Services;

namespace LogPipeline.Deploy.Monitoring;

/// <summary>
/// The alarms, all notifying one SNS topic (and an e-mail address when configured): dead-letter rate, anomaly rate,
/// consumer lag of the scorer and the writer, and SageMaker endpoint errors.
/// </summary>
public sealed class PipelineAlarms : Construct
{
    public PipelineAlarms(Construct scope, string id, DeploymentSettings settings, KafkaCluster kafka, RcfEndpoint endpoint, PipelineService scorer, PipelineService writer)
        : base(scope, id)
    {
        Namespace = "LogPipeline/" + settings.Prefix;
        Topic = new Topic(this, "Topic", new TopicProps { DisplayName = settings.Prefix + " alarms" });
        if (settings.AlarmEmail is { } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }

        foreach (var service in new[] { scorer, writer })
        {
            service.LogGroup.AddMetricFilter("DeadLetters", new MetricFilterOptions
            {
                MetricNamespace = Namespace,
                MetricName = "DeadLetters",
                FilterPattern = FilterPattern.StringValue("$.Category", "=", LogCategories.DeadLetterPublisher),
                MetricValue = "1",
                DefaultValue = 0,
            });
        }

        scorer.LogGroup.AddMetricFilter("Anomalies", new MetricFilterOptions
        {
            MetricNamespace = Namespace,
            MetricName = "Anomalies",
            FilterPattern = FilterPattern.All(
                FilterPattern.StringValue("$.Category", "=", LogCategories.ScoringWorker),
                FilterPattern.NumberValue("$.State." + LogCategories.AnomaliesField, ">", 0)),
            MetricValue = "$.State." + LogCategories.AnomaliesField,
            DefaultValue = 0,
        });

        DeadLetters = Notify(new Alarm(this, "DeadLetterRate", new AlarmProps
        {
            AlarmName = $"{settings.Prefix}-dead-letter-rate",
            AlarmDescription = $"More than {settings.DeadLetterAlarmThreshold} messages went to {settings.DeadLetterTopic} in 5 minutes: see the scorer's and writer's logs (error.reason).",
            Metric = new Metric(new MetricProps { Namespace = Namespace, MetricName = "DeadLetters", Statistic = "Sum", Period = Duration.Minutes(5) }),
            Threshold = settings.DeadLetterAlarmThreshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));

        Anomalies = Notify(new Alarm(this, "AnomalyRate", new AlarmProps
        {
            AlarmName = $"{settings.Prefix}-anomaly-rate",
            AlarmDescription = $"More than {settings.AnomalyAlarmThreshold} logs were flagged anomalous in 5 minutes.",
            Metric = new Metric(new MetricProps { Namespace = Namespace, MetricName = "Anomalies", Statistic = "Sum", Period = Duration.Minutes(5) }),
            Threshold = settings.AnomalyAlarmThreshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));

        ScorerLag = Notify(LagAlarm(settings, "ScorerLag", "scorer-lag", kafka, ConsumerGroups.Scorer, settings.RawTopic));
        WriterLag = Notify(LagAlarm(settings, "WriterLag", "writer-lag", kafka, ConsumerGroups.Writer, settings.ScoredTopic));

        EndpointErrors = Notify(new Alarm(this, "EndpointErrors", new AlarmProps
        {
            AlarmName = $"{settings.Prefix}-endpoint-errors",
            AlarmDescription = $"The SageMaker endpoint {endpoint.EndpointName} answered at least {settings.EndpointErrorAlarmThreshold} invocations with an error in 5 minutes.",
            Metric = new MathExpression(new MathExpressionProps
            {
                Expression = "errors4xx + errors5xx",
                Label = "Invocation errors",
                Period = Duration.Minutes(5),
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    ["errors4xx"] = EndpointMetric(endpoint, "Invocation4XXErrors"),
                    ["errors5xx"] = EndpointMetric(endpoint, "Invocation5XXErrors"),
                },
            }),
            Threshold = settings.EndpointErrorAlarmThreshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));
    }

    /// <summary>The namespace of the metrics the log filters publish: <c>LogPipeline/{prefix}</c>.</summary>
    public string Namespace { get; }

    public Topic Topic { get; }

    public Alarm DeadLetters { get; }

    public Alarm Anomalies { get; }

    public Alarm ScorerLag { get; }

    public Alarm WriterLag { get; }

    public Alarm EndpointErrors { get; }

    /// <summary>MSK's consumer lag of <paramref name="group"/> on <paramref name="topic"/>, summed over partitions (DEFAULT monitoring level).</summary>
    public static Metric ConsumerLag(KafkaCluster kafka, string group, string topic) => new(new MetricProps
    {
        Namespace = "AWS/Kafka",
        MetricName = "SumOffsetLag",
        DimensionsMap = new Dictionary<string, string>
        {
            ["Cluster Name"] = kafka.ClusterName,
            ["Consumer Group"] = group,
            ["Topic"] = topic,
        },
        Statistic = "Maximum",
        Period = Duration.Minutes(1),
    });

    private Alarm LagAlarm(DeploymentSettings settings, string id, string name, KafkaCluster kafka, string group, string topic) => new(this, id, new AlarmProps
    {
        AlarmName = $"{settings.Prefix}-{name}",
        AlarmDescription = $"Consumer group {group} is more than {settings.LagAlarmThreshold} messages behind on {topic} for 5 minutes.",
        Metric = ConsumerLag(kafka, group, topic),
        Threshold = settings.LagAlarmThreshold,
        ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
        EvaluationPeriods = 5,
        DatapointsToAlarm = 5,
        TreatMissingData = TreatMissingData.NOT_BREACHING,
    });

    private static Metric EndpointMetric(RcfEndpoint endpoint, string name) => new(new MetricProps
    {
        Namespace = "AWS/SageMaker",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["EndpointName"] = endpoint.EndpointName, ["VariantName"] = RcfEndpoint.VariantName },
        Statistic = "Sum",
        Period = Duration.Minutes(5),
    });

    private Alarm Notify(Alarm alarm)
    {
        var action = new SnsAction(Topic);
        alarm.AddAlarmAction(action);
        alarm.AddOkAction(action);
        return alarm;
    }
}
