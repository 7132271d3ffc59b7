using Aspire.Hosting;

namespace LogPipeline.Hosting.Tests;

/// <summary>App model builders for tests that only look at resources and annotations (nothing is started).</summary>
static class TestBuilders
{
    public static IDistributedApplicationBuilder Run(params string[] args) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = true });

    /// <summary>A builder in publish mode, as <c>--publisher manifest</c> runs it.</summary>
    public static IDistributedApplicationBuilder Publish(string outputPath) =>
        Run("--publisher", "manifest", "--output-path", outputPath);
}
