using LogPipeline.Contracts;

namespace LogPipeline.Generator;

/// <summary>The <c>Pipeline:Topics</c> section (the generator only writes the raw topic).</summary>
public sealed class TopicOptions
{
    public const string SectionName = "Pipeline:Topics";

    public string Raw { get; set; } = Topics.Raw;
}
