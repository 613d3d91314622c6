using CommunitySafety.Reports.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CommunitySafety.Web.Tests.Browser;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port) over a fresh SQLite store with the demo plan and accounts, and
/// one headless Debian chromium shared by the browser tests. Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = PdfReportRenderer.ChromiumPath;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-web-browser", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots go (kept after the run, to be looked at).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(FindRepositoryRoot(), "TestResults", "screenshots");

    /// <summary>axe-core, installed by the web project's npm ci.</summary>
    public static string AxeScript => File.ReadAllText(Path.Combine(FindRepositoryRoot(), "src", "CommunitySafety.Web", "node_modules", "axe-core", "axe.min.js"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        _app = WebApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--Store:ConnectionString", $"Data Source={Path.Combine(_folder, "csp.db")}",
            "--Store:Analytical", Path.Combine(_folder, "no-crime-data.duckdb"),
            "--Demo:Seed", "true",
            "--Demo:Password", WebFactory.Password,
            "--environment", "Production",
        ], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(PdfReportRenderer.LaunchOptions(ChromiumPath));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A fresh browser context (its own cookies); axe is injected despite the app's CSP only because CSP is bypassed here.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, BypassCSP = true, AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunitySafety.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CommunitySafety.slnx) was not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
