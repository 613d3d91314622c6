using System.Net;
using CommunitySafety.Reports.Model;
using Microsoft.Playwright;

namespace CommunitySafety.Reports.Rendering;

/// <summary>
/// Prints a report's HTML to an A4 PDF with page numbers, through Debian's headless Chromium driven by Playwright
/// (Playwright's own browser downloads are never used).
/// </summary>
public static class PdfReportRenderer
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The environment variable that names another Chromium executable than <see cref="ChromiumPath"/>.</summary>
    public const string ChromiumVariable = "CSP_CHROMIUM";

    /// <summary>
    /// The Chromium to print with: the file <see cref="ChromiumVariable"/> names when it is set, else
    /// <see cref="ChromiumPath"/>; null when that file does not exist (PDFs cannot be printed).
    /// </summary>
    /// <returns>The executable's path, or null.</returns>
    public static string? FindChromium()
    {
        var path = ConfiguredChromium;
        return File.Exists(path) ? path : null;
    }

    /// <summary>One line for people: why PDFs cannot be printed here and how to make them.</summary>
    public static string MissingChromiumText => MissingChromium(ConfiguredChromium);

    /// <summary>The file <see cref="ChromiumVariable"/> names when it is set, else <see cref="ChromiumPath"/>.</summary>
    private static string ConfiguredChromium => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } named ? named : ChromiumPath;

    private static string MissingChromium(string path) =>
        $"Chromium is needed to print PDF reports but is not at {path}. Install it (Debian: apt-get install chromium), or set {ChromiumVariable} to the Chromium executable.";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>
    /// How Debian's Chromium is launched headless here, for the PDFs and for anything else that drives it (the browser
    /// tests): no sandbox (containers), no GPU, /tmp instead of a small /dev/shm, no background network traffic.
    /// </summary>
    /// <param name="chromiumPath">The Chromium executable.</param>
    /// <returns>New launch options.</returns>
    public static BrowserTypeLaunchOptions LaunchOptions(string chromiumPath = ChromiumPath) =>
        new() { ExecutablePath = chromiumPath, Headless = true, Args = ChromiumArguments };

    /// <summary>Renders the report to a PDF file.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The PDF file.</param>
    /// <param name="chromiumPath">The Chromium executable.</param>
    /// <returns>A task.</returns>
    /// <exception cref="FileNotFoundException">Chromium is not installed.</exception>
    public static async Task WriteAsync(Report report, string path, string chromiumPath = ChromiumPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = await HtmlReportRenderer.RenderAsync(report).ConfigureAwait(false);
        await WriteHtmlAsync(html, report.Footer ?? report.Title, path, chromiumPath).ConfigureAwait(false);
    }

    /// <summary>Prints an HTML document to a PDF file, with the footer text and "Page n of m" on every page.</summary>
    /// <param name="html">The HTML.</param>
    /// <param name="footer">The footer text.</param>
    /// <param name="path">The PDF file.</param>
    /// <param name="chromiumPath">The Chromium executable.</param>
    /// <returns>A task.</returns>
    /// <exception cref="FileNotFoundException">Chromium is not installed.</exception>
    public static async Task WriteHtmlAsync(string html, string footer, string path, string chromiumPath = ChromiumPath)
    {
        if (!File.Exists(chromiumPath))
        {
            throw new FileNotFoundException(MissingChromium(chromiumPath), chromiumPath);
        }

        using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        await using var browser = await playwright.Chromium.LaunchAsync(LaunchOptions(chromiumPath)).ConfigureAwait(false);
        var page = await browser.NewPageAsync().ConfigureAwait(false);
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
        await page.PdfAsync(new PagePdfOptions
        {
            Path = path,
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = "<div style=\"font-family: Arial, sans-serif; font-size: 8px; color: #505a5f; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;\">"
                + $"<span>{WebUtility.HtmlEncode(footer)}</span><span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>",
            Margin = new Margin { Top = "16mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
            PreferCSSPageSize = false,
        }).ConfigureAwait(false);
    }
}
