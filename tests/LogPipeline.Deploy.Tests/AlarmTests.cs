using System.Text.Json.Nodes;
using LogPipeline.Deploy.Monitoring;
using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class AlarmTests(DefaultDeployment deployment)
{
    readonly SynthesizedStack _stack = deployment.Pipeline;

    [Fact]
    public void EveryPipelineAlarmNotifiesTheSnsTopicWhenItFiresAndWhenItClears()
    {
        var topic = _stack.OfType("AWS::SNS::Topic").Single().Id;
        var alarms = NamedAlarms();

        Assert.Equal(
            ["LogPipeline-anomaly-rate", "LogPipeline-dead-letter-rate", "LogPipeline-endpoint-errors", "LogPipeline-scorer-lag", "LogPipeline-writer-lag"],
            alarms.Keys.Order());
        Assert.All(alarms.Values, alarm =>
        {
            Assert.Equal(topic, (string?)alarm["AlarmActions"]!.AsArray().Single()!["Ref"]);
            Assert.Equal(topic, (string?)alarm["OKActions"]!.AsArray().Single()!["Ref"]);
        });
    }

    [Fact]
    public void DeadLettersAreCountedFromTheScorersAndWritersJsonLogs()
    {
        var filters = MetricFilters("DeadLetters");

        Assert.Equal(2, filters.Count);
        Assert.Equal(["{ScorerLogs", "{WriterLogs"], filters.Select(f => Cfn.Render(f["LogGroupName"])[..^"XXXXXXXX}".Length]).Order());
        Assert.All(filters, f =>
        {
            Assert.Equal("{ $.Category = \"" + LogCategories.DeadLetterPublisher + "\" }", (string?)f["FilterPattern"]);
            Assert.Equal("1", (string?)f["MetricTransformations"]![0]!["MetricValue"]);
            Assert.Equal(0, (int?)f["MetricTransformations"]![0]!["DefaultValue"]);
        });
        var alarm = NamedAlarms()["LogPipeline-dead-letter-rate"];
        Assert.Equal(("LogPipeline/LogPipeline", "DeadLetters", "Sum", 300, 10), Single(alarm));
        Assert.Equal("GreaterThanThreshold", (string?)alarm["ComparisonOperator"]);
    }

    [Fact]
    public void AnomaliesAreSummedFromTheScorersBatchLogLines()
    {
        var filter = Assert.Single(MetricFilters("Anomalies"));

        Assert.Equal(
            "{ ($.Category = \"" + LogCategories.ScoringWorker + "\") && ($.State.Anomalies > 0) }",
            (string?)filter["FilterPattern"]);
        Assert.Equal("$.State.Anomalies", (string?)filter["MetricTransformations"]![0]!["MetricValue"]);
        Assert.Equal(("LogPipeline/LogPipeline", "Anomalies", "Sum", 300, 100), Single(NamedAlarms()["LogPipeline-anomaly-rate"]));
    }

    [Fact]
    public void ConsumerLagAlarmsWatchMsksLagOfEachConsumerGroup()
    {
        foreach (var (name, group, topic) in new[] { ("LogPipeline-scorer-lag", "scorer", "logs.raw"), ("LogPipeline-writer-lag", "writer", "logs.scored") })
        {
            var alarm = NamedAlarms()[name];

            Assert.Equal(("AWS/Kafka", "SumOffsetLag", "Maximum", 60, 100_000), Single(alarm));
            Assert.Equal(5, (int?)alarm["EvaluationPeriods"]);
            Assert.Equal(
                [("Cluster Name", "logpipeline-kafka"), ("Consumer Group", group), ("Topic", topic)],
                alarm["Dimensions"]!.AsArray().Select(d => ((string)d!["Name"]!, Cfn.Render(d["Value"]))).Order());
        }
    }

    [Fact]
    public void EndpointErrorsAddTheEndpointsClientAndServerErrors()
    {
        var alarm = NamedAlarms()["LogPipeline-endpoint-errors"];
        var metrics = alarm["Metrics"]!.AsArray();

        Assert.Equal("errors4xx + errors5xx", (string?)metrics.Single(m => m!["Expression"] is not null)!["Expression"]);
        Assert.Equal(
            ["Invocation4XXErrors", "Invocation5XXErrors"],
            metrics.Where(m => m!["MetricStat"] is not null).Select(m => (string)m!["MetricStat"]!["Metric"]!["MetricName"]!).Order());
        Assert.All(metrics.Where(m => m!["MetricStat"] is not null), m =>
        {
            Assert.Equal("AWS/SageMaker", (string?)m!["MetricStat"]!["Metric"]!["Namespace"]);
            Assert.Equal(
                [("EndpointName", "rcf-anomaly-endpoint"), ("VariantName", "AllTraffic")],
                m["MetricStat"]!["Metric"]!["Dimensions"]!.AsArray().Select(d => ((string)d!["Name"]!, (string)d["Value"]!)).Order());
        });
        Assert.Equal(1, (int?)alarm["Threshold"]);
    }

    [Fact]
    public void TheServicesWriteOneJsonObjectPerLogLineForTheMetricFilters()
    {
        foreach (var service in new[] { "scorer", "writer", "queryapi" })
        {
            var environment = SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition("logpipeline/" + service), "app"));
            Assert.Equal("json", environment["Logging__Console__FormatterName"]);
        }
    }

    Dictionary<string, JsonObject> NamedAlarms() =>
        _stack.OfType("AWS::CloudWatch::Alarm")
            .Where(a => a.Properties["AlarmName"] is not null)
            .ToDictionary(a => (string)a.Properties["AlarmName"]!, a => a.Properties);

    List<JsonObject> MetricFilters(string metric) =>
        _stack.OfType("AWS::Logs::MetricFilter")
            .Select(f => f.Properties)
            .Where(f => (string?)f["MetricTransformations"]![0]!["MetricName"] == metric)
            .ToList();

    static (string?, string?, string?, int?, int?) Single(JsonObject alarm) =>
        ((string?)alarm["Namespace"], (string?)alarm["MetricName"], (string?)alarm["Statistic"], (int?)alarm["Period"], (int?)alarm["Threshold"]);
}
