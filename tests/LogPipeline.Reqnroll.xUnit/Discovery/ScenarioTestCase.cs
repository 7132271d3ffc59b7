using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using LogPipeline.Reqnroll.xUnit.Execution;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Discovery;

/// <summary>
/// One scenario (or Examples row) as an xUnit test case. It serializes the feature file and the scenario's (and
/// row's) line, so runners that discover and execute in separate steps find it again. Named <c>Feature: Scenario</c>;
/// <c>@ignore</c> skips it; each tag becomes a <c>Category</c> trait, the feature's title a <c>Feature</c> trait.
/// </summary>
public sealed class ScenarioTestCase : XunitTestCase
{
    string featureFullPath = "";
    string scenarioDisplayName = "";
    string[] tags = [];
    bool ignored;

    /// <summary>For the deserializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestCase()
    {
    }

    /// <summary>The test case of <paramref name="scenario"/>.</summary>
    public ScenarioTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, ScenarioCase scenario)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        featureFullPath = scenario.Feature.FullPath;
        FeatureFile = scenario.Feature.FilePath;
        FeatureTitle = scenario.Feature.Info.Title;
        ScenarioLine = scenario.Line;
        ExampleLine = scenario.ExampleLine;
        scenarioDisplayName = scenario.DisplayName;
        tags = [.. scenario.InheritedTags.Concat(scenario.Tags).Distinct(StringComparer.OrdinalIgnoreCase)];
        ignored = scenario.IsIgnored;
        SetSourceInformation();
    }

    ScenarioTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string displayName, string error)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        scenarioDisplayName = displayName;
        Error = error;
    }

    /// <summary>The feature file, relative to the repository root.</summary>
    public string FeatureFile { get; private set; } = "";

    public string FeatureTitle { get; private set; } = "";

    /// <summary>The line of the Scenario (Outline) keyword.</summary>
    public int ScenarioLine { get; private set; }

    /// <summary>The line of the Examples row; 0 for a plain scenario.</summary>
    public int ExampleLine { get; private set; }

    /// <summary>The feature's, rule's, scenario's and Examples block's tags, without <c>@</c>.</summary>
    public IReadOnlyList<string> Tags => tags;

    /// <summary>Why discovery could not produce scenarios from a file (the case then fails with it); else null.</summary>
    public string? Error { get; private set; }

    /// <summary>A test case that fails with <paramref name="error"/>: a feature file that cannot be found or parsed.</summary>
    public static ScenarioTestCase ForError(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string displayName, string error) =>
        new(diagnosticMessageSink, display, displayOptions, testMethod, displayName, error);

    /// <summary>The scenario this case runs, from the feature file as it is now.</summary>
    public ScenarioCase FindScenario() =>
        Discovery.FeatureFile.Load(featureFullPath, FeatureFile).Scenarios.SingleOrDefault(s => s.Line == ScenarioLine && s.ExampleLine == ExampleLine)
        ?? throw new InvalidOperationException(
            $"{FeatureFile} has no scenario at line {ScenarioLine}{(ExampleLine > 0 ? $" with an Examples row at line {ExampleLine}" : "")} any more: discover the tests again.");

    /// <inheritdoc/>
    public override Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new ScenarioTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, messageBus, aggregator, cancellationTokenSource).RunAsync();

    /// <inheritdoc/>
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("FeatureFullPath", featureFullPath);
        data.AddValue("FeatureFile", FeatureFile);
        data.AddValue("FeatureTitle", FeatureTitle);
        data.AddValue("ScenarioLine", ScenarioLine);
        data.AddValue("ExampleLine", ExampleLine);
        data.AddValue("ScenarioDisplayName", scenarioDisplayName);
        data.AddValue("Tags", string.Join('\n', tags));
        data.AddValue("Ignored", ignored);
        data.AddValue("Error", Error);
    }

    /// <inheritdoc/>
    public override void Deserialize(IXunitSerializationInfo data)
    {
        // Read before base.Deserialize: it initializes the name, skip reason and traits from these.
        featureFullPath = data.GetValue<string>("FeatureFullPath");
        FeatureFile = data.GetValue<string>("FeatureFile");
        FeatureTitle = data.GetValue<string>("FeatureTitle");
        ScenarioLine = data.GetValue<int>("ScenarioLine");
        ExampleLine = data.GetValue<int>("ExampleLine");
        scenarioDisplayName = data.GetValue<string>("ScenarioDisplayName");
        tags = data.GetValue<string>("Tags") is { Length: > 0 } joined ? joined.Split('\n') : [];
        ignored = data.GetValue<bool>("Ignored");
        Error = data.GetValue<string>("Error");
        base.Deserialize(data);
        SetSourceInformation();
    }

    /// <inheritdoc/>
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => scenarioDisplayName;

    /// <inheritdoc/>
    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? (ignored ? "Ignored: the scenario or its feature is tagged @ignore" : null);

    /// <inheritdoc/>
    protected override void Initialize()
    {
        base.Initialize();
        foreach (var tag in tags)
        {
            AddTrait("Category", tag);
        }

        if (FeatureTitle.Length > 0)
        {
            AddTrait("Feature", FeatureTitle);
        }
    }

    /// <inheritdoc/>
    protected override string GetUniqueID()
    {
        var identity = string.Join(
            '\0', TestMethod.TestClass.TestCollection.TestAssembly.Assembly.Name, TestMethod.TestClass.Class.Name, TestMethod.Method.Name, FeatureFile, ScenarioLine, ExampleLine, Error is null ? "" : scenarioDisplayName);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    void AddTrait(string name, string value)
    {
        if (!Traits.TryGetValue(name, out var values))
        {
            Traits[name] = values = [];
        }

        if (!values.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            values.Add(value);
        }
    }

    void SetSourceInformation()
    {
        if (featureFullPath.Length > 0)
        {
            SourceInformation = new SourceInformation { FileName = featureFullPath, LineNumber = ExampleLine > 0 ? ExampleLine : ScenarioLine };
        }
    }
}
