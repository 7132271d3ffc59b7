using Microsoft.Playwright;

namespace LogPipeline.Dashboard.Tests;

/// <summary>
/// The app host process with the real Aspire dashboard, started once for the class, and a headless Debian chromium
/// driven by Playwright, logged in with the token the console printed.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    AppHostProcess? _appHost;
    IPlaywright? _playwright;
    IBrowser? _browser;

    public AppHostProcess AppHost => _appHost ?? throw new InvalidOperationException("Not started.");

    /// <summary>Screenshots land in the test output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run eng/prerequisites.sh (apt-get install -y chromium).");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        _appHost = AppHostProcess.Start("--Pipeline:Generator:RatePerSecond=20");
        _playwright = await Playwright.CreateAsync().WaitAsync(TimeSpan.FromMinutes(1));
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium: Playwright never downloads a browser here.
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }).WaitAsync(TimeSpan.FromMinutes(1));
        using var timeout = new CancellationTokenSource(AppHostProcess.StartTimeout);
        await _appHost.WaitUntilHealthyAsync(timeout.Token).WaitAsync(AppHostProcess.StartTimeout);
    }

    /// <summary>A logged-in dashboard page at <paramref name="path"/>; script errors are collected in <paramref name="errors"/>.</summary>
    public async Task<IPage> OpenAsync(string path, List<string> errors)
    {
        var login = await AppHost.LoginUrl.WaitAsync(TimeSpan.FromSeconds(30));
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = login.GetLeftPart(UriPartial.Authority),
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(login.ToString());
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync(path);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_appHost is not null)
        {
            await _appHost.DisposeAsync();
        }
    }
}
