namespace LogPipeline.Contracts;

/// <summary>The <c>Pipeline:Topics</c> section: the topic names every service reads or writes.</summary>
public sealed class TopicOptions
{
    public const string SectionName = "Pipeline:Topics";

    public string Raw { get; set; } = Topics.Raw;

    public string Scored { get; set; } = Topics.Scored;

    public string DeadLetter { get; set; } = Topics.DeadLetter;
}
