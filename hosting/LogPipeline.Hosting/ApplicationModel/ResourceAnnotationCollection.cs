using System.Collections.ObjectModel;

namespace LogPipeline.Hosting.ApplicationModel;

/// <summary>Marker for the data attached to a resource.</summary>
public interface IResourceAnnotation;

public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;
