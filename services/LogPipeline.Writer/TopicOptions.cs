using LogPipeline.Contracts;

namespace LogPipeline.Writer;

/// <summary>The <c>Pipeline:Topics</c> names the writer uses.</summary>
public sealed class TopicOptions
{
    public const string SectionName = "Pipeline:Topics";

    public string Scored { get; set; } = Topics.Scored;

    public string DeadLetter { get; set; } = Topics.DeadLetter;
}
