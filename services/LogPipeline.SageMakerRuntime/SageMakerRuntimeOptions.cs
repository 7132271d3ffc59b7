namespace LogPipeline.SageMakerRuntime;

/// <summary>The <c>Pipeline:SageMaker</c> configuration section.</summary>
public sealed class SageMakerRuntimeOptions
{
    public const string SectionName = "Pipeline:SageMaker";

    /// <summary>
    /// How long one InvokeEndpoint may take. SageMaker gives a model 60 s to answer; scoring a batch of logs should take
    /// far less, and a caller that retries is better off giving up early.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
