using CommunitySafety.Reports.Disclosure;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Rendering;

namespace CommunitySafety.Reports.Tests.Disclosure;

public sealed class SuppressionTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void IsSmall_OneToBelowThreshold(double count, bool expected) => Assert.Equal(expected, SmallCountSuppression.IsSmall(count));

    [Fact]
    public void Group_OneSmallCellWithTotal_SuppressesSmallestOtherCell()
    {
        var (cells, total) = SmallCountSuppression.Group([3, 40, 57], 100);
        Assert.Equal([true, true, false], cells);
        Assert.False(total);
    }

    [Fact]
    public void Group_TwoSmallCells_NeedNoSecondary()
    {
        var (cells, _) = SmallCountSuppression.Group([3, 2, 57], 62);
        Assert.Equal([true, true, false], cells);
    }

    [Fact]
    public void Group_SmallTotal_SuppressesEverything()
    {
        var (cells, total) = SmallCountSuppression.Group([1, 2, null], 3);
        Assert.Equal([true, true, false], cells);
        Assert.True(total);
    }

    [Fact]
    public void Group_NoTotal_OnlyPrimary()
    {
        var (cells, _) = SmallCountSuppression.Group([3, 40], null);
        Assert.Equal([true, false], cells);
    }

    [Fact]
    public async Task PublishedProgressReport_WithholdsSmallCounts()
    {
        var internalHtml = await HtmlReportRenderer.RenderAsync(await TestReports.ProgressAsync(ReportVariant.Internal));
        var published = await HtmlReportRenderer.RenderAsync(await TestReports.ProgressAsync(ReportVariant.Published));
        Assert.DoesNotContain("[c]", internalHtml, StringComparison.Ordinal);
        Assert.Contains("[c]", published, StringComparison.Ordinal);
        Assert.Contains("Suppressed to protect confidentiality", published, StringComparison.Ordinal);
    }
}

public sealed class BenchmarkingSuppressionTests
{
    /// <summary>The constructed assessment with Poole's all-crime count set to 3 and Plymouth's to 4 (both small) or only Poole's.</summary>
    private static Assessment.AssessmentResult WithSmallCounts(params string[] areas)
    {
        var a = TestReports.Assessment;
        return a with
        {
            Funnel = [.. a.Funnel.Select(f => f.CrimeType == Assessment.StrategicAssessment.AllRecordedCrime && areas.Contains(f.AreaName)
                ? f with { Count = 3, Rate = 3 * 1000 / f.Population }
                : f)],
        };
    }

    private static ReportChart Chart(Report report, Func<ReportChart, bool> which) =>
        report.Sections.SelectMany(Blocks).OfType<ChartBlock>().Select(b => b.Chart).Single(which);

    private static IEnumerable<ReportBlock> Blocks(ReportSection s) => s.Blocks.Concat(s.Children.SelectMany(Blocks));

    private static TableRow Row(ReportChart chart, string area) => chart.Data.Rows.Single(r => r.Cells[0].Text.StartsWith(area, StringComparison.Ordinal));

    [Fact]
    public void PublishedAssessment_SuppressesSmallCountInBarAndFunnelTables_WithSecondarySuppression()
    {
        var assessment = WithSmallCounts("Poole");
        var report = AssessmentReportBuilder.Build(assessment, new AssessmentReportOptions { Variant = ReportVariant.Published });
        var bars = Chart(report, c => c.Spec is BarChartSpec);
        var funnel = Chart(report, c => c.Spec is FunnelChartSpec);
        var counts = assessment.Funnel.Where(f => f.CrimeType == Assessment.StrategicAssessment.AllRecordedCrime).ToList();
        var secondary = counts.Where(f => f.AreaName != "Poole").OrderBy(f => f.Count).First().AreaName;

        foreach (var area in new[] { "Poole", secondary })
        {
            var row = Row(bars, area);
            Assert.Equal(["[c]", "[c]", "[c]"], new[] { row.Cells[1].Text, row.Cells[3].Text, row.Cells[4].Text });
            Assert.Equal("[c]", Row(funnel, area).Cells[2].Text);
            Assert.DoesNotContain(((FunnelChartSpec)funnel.Spec).Points, p => p.Label == area);
            Assert.Null(((BarChartSpec)bars.Spec).Bars.Single(b => b.Label.StartsWith(area, StringComparison.Ordinal)).Value);
        }

        // Every other area is shown as it is, and both tables explain the symbol.
        var shown = counts.Where(f => f.AreaName != "Poole" && f.AreaName != secondary).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, f => Assert.Equal(f.Count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), Row(bars, f.AreaName).Cells[1].Text));
        Assert.All(shown, f => Assert.NotEqual("[c]", Row(funnel, f.AreaName).Cells[2].Text));
        Assert.Contains(bars.Data.Notes, n => n.Contains("Suppressed to protect confidentiality", StringComparison.Ordinal));
        Assert.Contains(funnel.Data.Notes, n => n.Contains("Suppressed to protect confidentiality", StringComparison.Ordinal));
    }

    [Fact]
    public void PublishedAssessment_TwoSmallCounts_NeedNoSecondarySuppression()
    {
        var report = AssessmentReportBuilder.Build(WithSmallCounts("Poole", "Plymouth"), new AssessmentReportOptions { Variant = ReportVariant.Published });
        var bars = Chart(report, c => c.Spec is BarChartSpec);
        Assert.Equal(2, bars.Data.Rows.Count(r => r.Cells[1].Text == "[c]"));
        Assert.Contains("withheld because of small counts", bars.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalAssessment_ShowsSmallCounts()
    {
        var report = AssessmentReportBuilder.Build(WithSmallCounts("Poole"));
        var bars = Chart(report, c => c.Spec is BarChartSpec);
        var funnel = Chart(report, c => c.Spec is FunnelChartSpec);
        Assert.Equal("3", Row(bars, "Poole").Cells[1].Text);
        Assert.DoesNotContain(bars.Data.Rows.Concat(funnel.Data.Rows).SelectMany(r => r.Cells), c => c.Text == "[c]");
        Assert.Contains(((FunnelChartSpec)funnel.Spec).Points, p => p.Label == "Poole");
    }
}
