using LogPipeline.Gherkin.Tests.Support;
using LogPipeline.Gherkin.Tests.TestData.Bindings.EndToEnd;
using LogPipeline.Gherkin.XunitRunner;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.Tests.XunitRunner;

/// <summary>
/// Runs the end-to-end scenarios through xUnit's own assembly runner, in this process, from serialized test cases
/// (as a runner that discovers and executes separately would): names, outcomes, output and the hook journal.
/// </summary>
public sealed class XunitPipelineTests
{
    [Fact]
    public async Task ScenariosRunAsTestsAndTheAfterTestRunHooksRunAfterTheLastOne()
    {
        var journalsBefore = RunJournal.All.Count;
        var testCases = ScenarioDiscovery.Discover().Select(ScenarioDiscovery.RoundTrip).Cast<IXunitTestCase>().ToList();
        var sink = new RecordingMessageSink();

        using (var runner = new GherkinTestAssemblyRunner(testCases[0].TestMethod.TestClass.TestCollection.TestAssembly, testCases, new NullMessageSink(), sink, new TestOptions()))
        {
            await runner.RunAsync();
        }

        Assert.Empty(sink.OfType<ITestFailed>().Select(f => $"{f.Test.DisplayName}: {string.Join(" ", f.Messages)}"));
        Assert.Empty(sink.OfType<ITestAssemblyCleanupFailure>());
        Assert.Equal(9, sink.OfType<ITestPassed>().Count);
        var skipped = Assert.Single(sink.OfType<ITestSkipped>());
        Assert.Equal("Storage: A scenario that is not ready yet", skipped.Test.DisplayName);
        Assert.Contains("@ignore", skipped.Reason);

        var journal = RunJournal.All.Skip(journalsBefore).Single();
        Assert.Equal("before test run", journal.Events[0]);
        Assert.Equal("after test run", journal.Events[^1]);
        Assert.Equal(1, journal.Count("before test run"));
        Assert.Equal(9, journal.Events.Count(e => e.StartsWith("after scenario ", StringComparison.Ordinal) && e.EndsWith(" OK", StringComparison.Ordinal)));
        Assert.Equal(
            ["before feature Run lifecycle", "after feature Run lifecycle", "before feature Storage", "after feature Storage"],
            journal.Events.Where(e => e.Contains(" feature ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AScenarioTestShowsItsStepsInTheTestOutput()
    {
        var testCases = ScenarioDiscovery.Discover()
            .Where(t => t.DisplayName == "Storage: Normal traffic is stored and can be read back")
            .Cast<IXunitTestCase>()
            .ToList();
        var sink = new RecordingMessageSink();

        using (var runner = new GherkinTestAssemblyRunner(testCases[0].TestMethod.TestClass.TestCollection.TestAssembly, testCases, new NullMessageSink(), sink, new TestOptions()))
        {
            await runner.RunAsync();
        }

        var passed = Assert.Single(sink.OfType<ITestPassed>());
        Assert.Contains("Given these logs arrive:", passed.Output);
        Assert.Contains("-> done: StorageSteps.ThenTheLogHas(\"Error\", \"340\")", passed.Output);
        Assert.Contains("But the store holds no log \"zz\"", passed.Output);
    }

    [Fact]
    public async Task WithoutTheGherkinTestFrameworkAScenarioFailsWithHowToFixIt()
    {
        var testCase = ScenarioDiscovery.Discover().First();
        var sink = new RecordingMessageSink();
        using (var runner = new XunitTestAssemblyRunner(testCase.TestMethod.TestClass.TestCollection.TestAssembly, [testCase], new NullMessageSink(), sink, new TestOptions()))
        {
            var previous = ScenarioRunHost.Current;
            ScenarioRunHost.Current = null;
            try
            {
                await runner.RunAsync();
            }
            finally
            {
                ScenarioRunHost.Current = previous;
            }
        }

        var failed = Assert.Single(sink.OfType<ITestFailed>());
        Assert.Contains("GherkinTestFramework.TypeName", failed.Messages[0]);
    }
}
