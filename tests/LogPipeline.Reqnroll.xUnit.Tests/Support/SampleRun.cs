using LogPipeline.Reqnroll.xUnit.Discovery;
using LogPipeline.Reqnroll.xUnit.Execution;
using LogPipeline.Reqnroll.xUnit.Tests.Samples.Bindings;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Tests.Support;

/// <summary>
/// Discovers the sample features (Samples/Features, read from the repository) as the test project of a user would,
/// serializes the test cases as runners that discover and execute separately do, and runs them in this process
/// through the glue's assembly runner on Reqnroll's runtime, recording xUnit's messages.
/// </summary>
internal sealed class SampleRun
{
    public const string Features = "tests/LogPipeline.Reqnroll.xUnit.Tests/Samples/Features";

    // One test method, so one test collection, for every test case, as in a user's project.
    static readonly ITestMethod SampleMethod = TestMethod();

    SampleRun(RecordingMessageSink sink) => Sink = sink;

    public RecordingMessageSink Sink { get; }

    public IReadOnlyList<ITestPassed> Passed => Sink.OfType<ITestPassed>();

    public IReadOnlyList<ITestFailed> Failed => Sink.OfType<ITestFailed>();

    public IReadOnlyList<ITestSkipped> Skipped => Sink.OfType<ITestSkipped>();

    /// <summary>The test cases of the sample feature files (or folders) named, as the discoverer finds them.</summary>
    public static List<ScenarioTestCase> Discover(params string[] paths) =>
        [.. paths.SelectMany(p => new FeatureScenariosDiscoverer(new NullMessageSink()).Discover(new TestOptions(), SampleMethod, new PathAttributeInfo(p))).Cast<ScenarioTestCase>()];

    /// <summary>Runs the scenarios of the sample features named (file names under Samples/Features).</summary>
    public static async Task<SampleRun> RunAsync(params string[] featureFiles)
    {
        var testCases = Discover([.. featureFiles.Select(f => $"{Features}/{f}")]).Select(RoundTrip).Cast<IXunitTestCase>().ToList();
        var run = new SampleRun(new RecordingMessageSink());
        Journal.Clear();
        using (var runner = new ReqnrollTestAssemblyRunner(testCases[0].TestMethod.TestClass.TestCollection.TestAssembly, testCases, new NullMessageSink(), run.Sink, new TestOptions()))
        {
            await runner.RunAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }

        return run;
    }

    public static ScenarioTestCase RoundTrip(ScenarioTestCase testCase) =>
        SerializationHelper.Deserialize<ScenarioTestCase>(SerializationHelper.Serialize(testCase));

    public ITestFailed FailedTest(string displayName) => Assert.Single(Failed, f => f.Test.DisplayName == displayName);

    static ITestMethod TestMethod()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(SampleRun).Assembly), null, null);
        var collection = new TestCollection(assembly, null, "Reqnroll glue tests");
        var testClass = new TestClass(collection, Reflector.Wrap(typeof(SampleFeatures)));
        return new TestMethod(testClass, Reflector.Wrap(typeof(SampleFeatures).GetMethod(nameof(SampleFeatures.Scenarios))!));
    }
}
