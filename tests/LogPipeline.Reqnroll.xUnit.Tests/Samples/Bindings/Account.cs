namespace LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;

/// <summary>A vertical table, filled by Reqnroll's <c>CreateInstance</c>.</summary>
public sealed class Account
{
    public string Name { get; set; } = "";

    public decimal Balance { get; set; }
}
