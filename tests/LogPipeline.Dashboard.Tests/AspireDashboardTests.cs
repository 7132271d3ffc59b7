using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LogPipeline.Dashboard.Tests;

/// <summary>The real Aspire dashboard of the app host, in a browser, as a user opens it from the console's login link.</summary>
public class AspireDashboardTests(DashboardFixture fixture, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task TheResourcesPageShowsEveryResourceRunning()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("/", errors);

        foreach (var resource in AppHostProcess.Resources)
        {
            // A row reads "<type>: <name> Running ..." when healthy, "... Running (Unhealthy)" otherwise.
            var row = page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex($": {resource} Running [0-9]") });
            await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        var screenshot = Path.Combine(DashboardFixture.ScreenshotDirectory, "aspire-dashboard.png");
        await page.ScreenshotAsync(new() { Path = screenshot });
        ReadmeScreenshot.Update(screenshot, "aspire-dashboard.png", output);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OneLogsTraceRunsFromTheGeneratorThroughTheScorerToTheWriter()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync("/traces", errors);

        // A trace that the generator started and the writer finished has spans of all three resources.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "generator" }).Filter(new() { HasText = "scorer" }).Filter(new() { HasText = "writer" }).First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "traces.png") });
        Assert.Empty(errors);
    }
}
