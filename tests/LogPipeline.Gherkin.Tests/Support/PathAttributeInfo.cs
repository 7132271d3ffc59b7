using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.Tests.Support;

/// <summary>A <c>[GherkinScenarios(path)]</c> as xUnit's discoverer sees it, for paths no real test method should use.</summary>
internal sealed class PathAttributeInfo(string path) : LongLivedMarshalByRefObject, IAttributeInfo
{
    public IEnumerable<object> GetConstructorArguments() => [path];

    public IEnumerable<IAttributeInfo> GetCustomAttributes(string assemblyQualifiedAttributeTypeName) => [];

    public TValue GetNamedArgument<TValue>(string argumentName) => default!;
}
