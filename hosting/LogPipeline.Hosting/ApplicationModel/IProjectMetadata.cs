namespace LogPipeline.Hosting;

/// <summary>Generated for every project the app host references (class <c>Projects.&lt;Name&gt;</c>), as in Aspire.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
}
