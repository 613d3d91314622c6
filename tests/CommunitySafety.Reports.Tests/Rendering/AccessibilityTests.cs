using CommunitySafety.Reports.Rendering;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CommunitySafety.Reports.Tests.Rendering;

/// <summary>The HTML reports pass axe-core in Debian's Chromium with no serious or critical violations.</summary>
public sealed class AccessibilityTests
{
    private static async Task<IReadOnlyList<string>> SeriousViolationsAsync(string html)
    {
        Assert.True(File.Exists(PdfReportRenderer.ChromiumPath), $"Chromium is required at {PdfReportRenderer.ChromiumPath} (apt-get install chromium)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(PdfReportRenderer.LaunchOptions());
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        var result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} nodes, e.g. {v.Nodes.FirstOrDefault()?.Html})")];
    }

    [Fact]
    public async Task ProgressReport_Html_HasNoSeriousOrCriticalAxeViolations()
    {
        var html = await HtmlReportRenderer.RenderAsync(await TestReports.ProgressAsync());
        Assert.Empty(await SeriousViolationsAsync(html));
    }

    [Fact]
    public async Task AssessmentReport_Html_HasNoSeriousOrCriticalAxeViolations()
    {
        var html = await HtmlReportRenderer.RenderAsync(TestReports.AssessmentReport());
        Assert.Empty(await SeriousViolationsAsync(html));
    }
}
