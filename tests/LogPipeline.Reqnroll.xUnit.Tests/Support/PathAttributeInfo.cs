using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Tests.Support;

/// <summary>A <c>[FeatureScenarios(path)]</c> as xUnit's discoverer sees it.</summary>
internal sealed class PathAttributeInfo(string path) : LongLivedMarshalByRefObject, IAttributeInfo
{
    public IEnumerable<object> GetConstructorArguments() => [path];

    public IEnumerable<IAttributeInfo> GetCustomAttributes(string assemblyQualifiedAttributeTypeName) => [];

    public TValue GetNamedArgument<TValue>(string argumentName) => default!;
}
