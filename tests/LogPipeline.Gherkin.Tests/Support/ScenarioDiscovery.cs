using LogPipeline.Gherkin.XunitRunner;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LogPipeline.Gherkin.Tests.Support;

/// <summary>Runs <see cref="GherkinScenariosDiscoverer"/> on <see cref="EndToEndScenarios.Scenarios"/> through xUnit's reflection abstractions.</summary>
internal static class ScenarioDiscovery
{
    public static ITestMethod EndToEndTestMethod()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(EndToEndScenarios).Assembly), null, null);
        var collection = new TestCollection(assembly, null, "Gherkin discovery tests");
        var testClass = new TestClass(collection, Reflector.Wrap(typeof(EndToEndScenarios)));
        return new TestMethod(testClass, Reflector.Wrap(typeof(EndToEndScenarios).GetMethod(nameof(EndToEndScenarios.Scenarios))!));
    }

    public static List<ScenarioTestCase> Discover(IAttributeInfo? attribute = null)
    {
        var testMethod = EndToEndTestMethod();
        attribute ??= testMethod.Method.GetCustomAttributes(typeof(GherkinScenariosAttribute)).Single();
        return [.. new GherkinScenariosDiscoverer(new NullMessageSink()).Discover(new TestOptions(), testMethod, attribute).Cast<ScenarioTestCase>()];
    }

    public static ScenarioTestCase RoundTrip(ScenarioTestCase testCase) =>
        SerializationHelper.Deserialize<ScenarioTestCase>(SerializationHelper.Serialize(testCase));
}
