using LogPipeline.Reqnroll.xUnit.Runtime;
using Reqnroll.Plugins;

// The sample bindings of this assembly run on Reqnroll's runtime, inside the in-process runs the tests start (not
// under [assembly: TestFramework]: these tests are plain facts). Reqnroll keeps one test run per assembly, so the
// tests run one at a time.
[assembly: RuntimePlugin(typeof(XunitRuntimePlugin))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
