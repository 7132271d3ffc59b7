using LogPipeline.Contracts;

namespace LogPipeline.PipelineView.Tests.Infrastructure;

/// <summary>Fresh topic and group names for one test, so tests sharing a broker never see each other's offsets.</summary>
sealed record PipelineTopics(string Raw, string Scored, string DeadLetter, string ScorerGroup, string WriterGroup)
{
    public static PipelineTopics Unique()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new($"{Topics.Raw}-{id}", $"{Topics.Scored}-{id}", $"{Topics.DeadLetter}-{id}", $"{ConsumerGroups.Scorer}-{id}", $"{ConsumerGroups.Writer}-{id}");
    }

    public TopicOptions Options => new() { Raw = Raw, Scored = Scored, DeadLetter = DeadLetter };

    /// <summary>The view's configuration keys for these names.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new($"{TopicOptions.SectionName}:{nameof(TopicOptions.Raw)}", Raw),
        new($"{TopicOptions.SectionName}:{nameof(TopicOptions.Scored)}", Scored),
        new($"{TopicOptions.SectionName}:{nameof(TopicOptions.DeadLetter)}", DeadLetter),
        new($"{PipelineViewOptions.SectionName}:{nameof(PipelineViewOptions.ScorerConsumerGroup)}", ScorerGroup),
        new($"{PipelineViewOptions.SectionName}:{nameof(PipelineViewOptions.WriterConsumerGroup)}", WriterGroup),
    ];
}
