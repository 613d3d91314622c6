using AngleSharp.Html.Parser;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Rendering;
using CommunitySafety.Reports.Builders;

namespace CommunitySafety.Reports.Tests.Rendering;

public sealed class HtmlReportTests
{
    [Fact]
    public async Task ProgressReport_Html_HasSectionsChartsWithTextAlternativesAndTables()
    {
        var html = await HtmlReportRenderer.RenderAsync(await TestReports.ProgressAsync(period: "Q4 2024/25"));
        Directory.CreateDirectory("out");
        await File.WriteAllTextAsync("out/progress.html", html);
        var doc = new HtmlParser().ParseDocument(html);

        Assert.Equal("en-GB", doc.DocumentElement.GetAttribute("lang"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        var h2 = doc.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        foreach (var heading in new[] { "Purpose", "Background", "Reviewing community safety priorities", "Priority A:", "Plans for next year", "National context", "Conclusion", "Appendix 1" })
        {
            Assert.Contains(h2, h => h.Contains(heading, StringComparison.Ordinal));
        }

        Assert.Contains("This item is for information only", doc.QuerySelector(".csp-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Health and Wellbeing Board", doc.QuerySelector(".csp-front")!.TextContent, StringComparison.Ordinal);

        var figures = doc.QuerySelectorAll("figure");
        Assert.True(figures.Length >= 4, $"{figures.Length} charts");
        foreach (var figure in figures)
        {
            var svg = figure.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            var ids = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(doc.GetElementById(id)?.TextContent)));
            Assert.False(string.IsNullOrWhiteSpace(figure.QuerySelector("figcaption")?.TextContent));
            var next = figure.NextElementSibling!;
            Assert.NotNull(next.QuerySelector("table caption"));
        }

        Assert.All(doc.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));
        Assert.Empty(doc.QuerySelectorAll("link, script, img[src^='http']"));
        Assert.Contains("rose by", html, StringComparison.Ordinal);

        // Indicators are grouped under their objectives, by name (not all under "Demand and context").
        var subheadings = doc.QuerySelectorAll("h3, h4, h5").Select(h => h.TextContent).ToList();
        Assert.Contains(subheadings, h => h.Contains("A. Promote healthy relationships", StringComparison.Ordinal));
        Assert.Contains(subheadings, h => h.Contains("E. Are we making a difference?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssessmentReport_Html_HasTrendsBenchmarkingMatrixSensitivity()
    {
        var report = TestReports.AssessmentReport();
        var html = await HtmlReportRenderer.RenderAsync(report);
        Directory.CreateDirectory("out");
        await File.WriteAllTextAsync("out/assessment.html", html);
        var doc = new HtmlParser().ParseDocument(html);
        var h2 = doc.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        foreach (var heading in new[] { "Key messages", "Crime trends", "Benchmarking", "Scoring matrix", "Sensitivity" })
        {
            Assert.Contains(h2, h => h.Contains(heading, StringComparison.Ordinal));
        }

        Assert.Equal(4, doc.QuerySelectorAll("figure:not(.csp-map) svg[role=img]").Length);
    }
}

public sealed class NotComparedNoteTests
{
    [Fact]
    public void AssessmentTrendTable_NotComparedChange_SaysTheReasonOnceUnderTheTable()
    {
        var a = TestReports.Assessment;
        var partial = Assessment.Trends.ChangeResult.NotCompared("2023/24", "2024/25", 600, 1900, "2023/24 is a partial year (4 of 12 months)");
        var report = AssessmentReportBuilder.Build(a with { Trends = [.. a.Trends.Select(t => t with { SinceLastYear = partial })] });
        var table = report.Sections.Single(s => s.Heading == "Crime trends").Blocks.OfType<TableBlock>().Single().Table;

        Assert.All(table.Rows, r => Assert.Equal("Not compared with 2023/24 (see note)", r.Cells[3].Text));
        Assert.Single(table.Notes, n => n == "Not compared with 2023/24: 2023/24 is a partial year (4 of 12 months).");
    }
}
