// The Gherkin test framework runs the [AfterTestRun] hooks after the last test; scenarios share one test run, so
// the assembly runs its tests one at a time (as the specs project must).
[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
