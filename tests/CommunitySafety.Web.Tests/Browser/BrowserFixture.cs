using CommunitySafety.Reports.Rendering;
using CommunitySafety.Tests;
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
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryFolders.Root, "TestResults", "screenshots");

    /// <summary>axe-core, installed by the web project's npm ci.</summary>
    public static string AxeScript => File.ReadAllText(Path.Combine(RepositoryFolders.Root, "src", "CommunitySafety.Web", "node_modules", "axe-core", "axe.min.js"));

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
            "--Reports:Warm", "false",
        ], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(PdfReportRenderer.LaunchOptions(ChromiumPath));
        UseGenerousExpectTimeout();
    }

    /// <summary>Web-first assertions (Expect) retry until they hold or <see cref="WaitTimeout"/> passes, not 5 s.</summary>
    public static void UseGenerousExpectTimeout() => Assertions.SetDefaultExpectTimeout(WaitTimeout);

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

    /// <summary>
    /// How long a wait may take before the test fails. Every wait is for something the test needs (an element, a
    /// response, a URL), never for the network to go quiet or for a fixed time, so a slow machine only makes a test
    /// slower; the bound is generous because CI runs on a busy 2-core machine.
    /// </summary>
    public const float WaitTimeout = 90_000;

    /// <summary>A fresh browser context (its own cookies); axe is injected despite the app's CSP only because CSP is bypassed here.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        NewContextAsync(Browser, new BrowserNewContextOptions { BaseURL = BaseUrl, BypassCSP = true, AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    /// <summary>A browser context whose waits (actions, locators, navigations) are bounded by <see cref="WaitTimeout"/>.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, BrowserNewContextOptions options)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(WaitTimeout);
        context.SetDefaultNavigationTimeout(WaitTimeout);
        return context;
    }

    /// <summary>
    /// Goes to <paramref name="url"/> and returns once the server's answer has arrived (navigation committed); the
    /// caller then waits for the element it needs. Nothing waits for images, tiles, fonts or idle network.
    /// </summary>
    public static async Task GoToAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        if (response is { Ok: false } r && r.Status != 404)
        {
            throw new InvalidOperationException($"GET {url} answered {r.Status}.");
        }
    }

    /// <summary>
    /// Signs in through the form: waits for the email field, for the server's answer to the form (a redirect), for the
    /// dashboard's address and for its "Sign out" button — the things a signed-in test needs — and nothing else.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await GoToAsync(page, "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebFactory.Password);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase));
        if (answer.Status is not (301 or 302 or 303))
        {
            throw new InvalidOperationException($"Signing in as {email} answered {answer.Status}, not a redirect to the dashboard.");
        }

        await page.WaitForURLAsync("**/dashboard", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
