using Reqnroll;

namespace LogPipeline.Reqnroll.xUnit.Runtime;

/// <summary>A scenario with undefined or pending steps; for undefined steps the message holds the step definitions to write.</summary>
public sealed class ScenarioPendingException(string message) : ReqnrollException(message);
