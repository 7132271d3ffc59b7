using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using LogPipeline.Gherkin.Parsing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>
/// One scenario (or outline example row) as an xUnit test case. It serializes the feature file and the scenario's
/// line (and example row's line) plus what its name, skip reason and traits need, so discovery and execution can run
/// in separate processes; at execution it parses the file again and runs the scenario found at that line. Its name
/// is <c>Feature: Scenario</c>; <c>@ignore</c> skips it; each tag becomes the traits <c>Category</c> and <c>Tag</c>,
/// and the feature title the trait <c>Feature</c>.
/// </summary>
public sealed class ScenarioTestCase : XunitTestCase
{
    /// <summary>The tag that skips a scenario.</summary>
    public const string IgnoreTag = "ignore";

    string featureFullPath = "";
    string scenarioDisplayName = "";
    string[] tags = [];
    string? error;

    /// <summary>For the deserializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestCase()
    {
    }

    /// <summary>The test case of <paramref name="scenario"/>.</summary>
    public ScenarioTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        ScenarioCase scenario)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        featureFullPath = scenario.Feature.FullPath;
        FeatureFile = scenario.Feature.FilePath;
        FeatureTitle = scenario.Feature.Title;
        ScenarioLine = scenario.Line;
        ExampleLine = scenario.ExampleLine;
        scenarioDisplayName = scenario.DisplayName;
        tags = [.. scenario.CombinedTags];
        SetSourceInformation();
    }

    ScenarioTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        FeatureFile? file,
        string displayName,
        string error)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        featureFullPath = file?.FullPath ?? "";
        FeatureFile = file?.FilePath ?? "";
        scenarioDisplayName = displayName;
        this.error = error;
    }

    /// <summary>The feature file, relative to the repository root.</summary>
    public string FeatureFile { get; private set; } = "";

    /// <summary>The feature's title.</summary>
    public string FeatureTitle { get; private set; } = "";

    /// <summary>The line of the Scenario (Outline) keyword.</summary>
    public int ScenarioLine { get; private set; }

    /// <summary>The line of the example row; 0 for a plain scenario.</summary>
    public int ExampleLine { get; private set; }

    /// <summary>The feature's and scenario's tags, without <c>@</c>.</summary>
    public IReadOnlyList<string> Tags => tags;

    /// <summary>Why discovery could not produce scenarios from a file (the case then fails with it); else null.</summary>
    public string? Error => error;

    /// <summary>A test case that fails with <paramref name="error"/>: a feature file that cannot be found or parsed.</summary>
    public static ScenarioTestCase ForError(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        FeatureFile? file,
        string displayName,
        string error) =>
        new(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, file, displayName, error);

    /// <summary>The feature file this case runs, with its paths.</summary>
    public FeatureFile GetFeatureFile() => new(featureFullPath, FeatureFile);

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
        data.AddValue("Error", error);
    }

    /// <inheritdoc/>
    public override void Deserialize(IXunitSerializationInfo data)
    {
        // Read before base.Deserialize: it initializes the test case (name, skip reason, traits) from these.
        featureFullPath = data.GetValue<string>("FeatureFullPath");
        FeatureFile = data.GetValue<string>("FeatureFile");
        FeatureTitle = data.GetValue<string>("FeatureTitle");
        ScenarioLine = data.GetValue<int>("ScenarioLine");
        ExampleLine = data.GetValue<int>("ExampleLine");
        scenarioDisplayName = data.GetValue<string>("ScenarioDisplayName");
        tags = data.GetValue<string>("Tags") is { Length: > 0 } joined ? joined.Split('\n') : [];
        error = data.GetValue<string>("Error");
        base.Deserialize(data);
        SetSourceInformation();
    }

    /// <inheritdoc/>
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => scenarioDisplayName;

    /// <inheritdoc/>
    protected override string? GetSkipReason(IAttributeInfo factAttribute)
    {
        var reason = base.GetSkipReason(factAttribute);
        return reason is null && tags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase)
            ? $"Ignored: the scenario or its feature is tagged @{IgnoreTag}"
            : reason;
    }

    /// <inheritdoc/>
    protected override void Initialize()
    {
        base.Initialize();
        foreach (var tag in tags)
        {
            AddTrait("Category", tag);
            AddTrait("Tag", tag);
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
            '\0',
            TestMethod.TestClass.TestCollection.TestAssembly.Assembly.Name,
            TestMethod.TestClass.Class.Name,
            TestMethod.Method.Name,
            FeatureFile,
            ScenarioLine,
            ExampleLine,
            error is null ? "" : scenarioDisplayName);
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
