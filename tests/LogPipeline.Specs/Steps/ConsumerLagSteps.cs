using System.Diagnostics;
using LogPipeline.Contracts;
using LogPipeline.Specs.Support;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>Whether the stages have caught up: their consumer groups' committed offsets against the topics' high watermarks.</summary>
[Binding]
public sealed class ConsumerLagSteps(PipelineApp pipeline, ITestOutputHelper output)
{
    static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(2);

    [Then("the consumer lag of the scorer and the writer returns to zero")]
    public async Task ThenTheConsumerLagReturnsToZero()
    {
        // Traffic never stops, so "zero" means: every message in the topic when we look has been committed. The
        // scorer first, so that the scored topic then holds what it made of everything we are waiting for.
        await WaitUntilCaughtUpAsync(ConsumerGroups.Scorer, KafkaTopics.Raw);
        await WaitUntilCaughtUpAsync(ConsumerGroups.Writer, KafkaTopics.Scored);
    }

    async Task WaitUntilCaughtUpAsync(string group, string topic)
    {
        var bootstrapServers = pipeline.KafkaBootstrapServers;
        var marks = await Task.Run(() => ConsumerLag.HighWatermarks(bootstrapServers, topic)).WaitAsync(TimeSpan.FromSeconds(30));
        var elapsed = Stopwatch.StartNew();
        var initial = -1L;
        await Eventually.UntilAsync(
            ct => Task.Run(() => ConsumerLag.Behind(bootstrapServers, group, marks), ct),
            behind =>
            {
                initial = initial < 0 ? behind : initial;
                return behind == 0;
            },
            CatchUpTimeout,
            $"the {group} group has committed everything in {topic} up to {marks.Sum(m => m.Offset.Value)} messages",
            behind => $"{behind} messages behind");
        output.WriteLine($"{group} on {topic}: {initial} messages behind, caught up in {elapsed.Elapsed.TotalSeconds:F1} s");
    }
}
