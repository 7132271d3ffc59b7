namespace LogPipeline.Reqnroll.xUnit.Tests.Support;

/// <summary>Discovery and execution options with xUnit's defaults (what a runner passes when nothing is configured).</summary>
internal sealed class TestOptions : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
{
    readonly Dictionary<string, object?> values = [];

    public TValue GetValue<TValue>(string name) => values.TryGetValue(name, out var value) ? (TValue)value! : default!;

    public void SetValue<TValue>(string name, TValue value) => values[name] = value;
}
