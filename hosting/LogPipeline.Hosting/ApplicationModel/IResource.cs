namespace LogPipeline.Hosting.ApplicationModel;

/// <summary>Something the app host composes: a name and the annotations that describe it.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
