using System.Diagnostics;

namespace LogPipeline.Generator.Publishing;

/// <summary>The generator's own ActivitySource and Meter name (ServiceDefaults listens to <c>LogPipeline.*</c>).</summary>
public static class GeneratorTelemetry
{
    public const string Name = "LogPipeline.Generator";

    public static readonly ActivitySource ActivitySource = new(Name);
}
