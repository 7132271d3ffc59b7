using LogPipeline.Hosting;
using LogPipeline.Hosting.Testing;
using Microsoft.Playwright;

namespace LogPipeline.Dashboard.Tests;

/// <summary>
/// Starts the whole app once (through the test entry point, exactly as AppHost.cs composes it) and one headless
/// Debian chromium driven by Playwright; each test opens its own page.
/// </summary>
public sealed class DashboardAppFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    DistributedApplication? _app;
    IPlaywright? _playwright;
    IBrowser? _browser;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app is not started.");

    public Uri DashboardUrl => App.DashboardUrl;

    /// <summary>Screenshots land in the test output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run eng/prerequisites.sh (apt-get install -y chromium).");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        var builder = DistributedApplicationTestingBuilder.Create<Program>("--Pipeline:Generator:RatePerSecond=50");
        _app = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var browser = LaunchBrowserAsync();
        await _app.StartAsync(timeout.Token);
        foreach (var resource in _app.Resources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
        }

        _browser = await browser;
    }

    async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium: Playwright never downloads a browser here.
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page on the dashboard; script errors on it are collected in <paramref name="errors"/>.</summary>
    public async Task<IPage> OpenAsync(string path, List<string> errors)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = DashboardUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(path);
        return page;
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
