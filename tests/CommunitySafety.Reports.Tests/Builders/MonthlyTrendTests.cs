using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;

namespace CommunitySafety.Reports.Tests.Builders;

/// <summary>The overall crime chart by month, drawn when the assessment has too few complete years for a yearly line.</summary>
public sealed class MonthlyTrendTests
{
    private static readonly FinancialYear Year = new(2024);

    /// <summary>December 2023 to March 2025: the months of the Bedfordshire sample up to the end of 2024/25.</summary>
    private static MonthlyTrend Trend(Func<int, long> comparator)
    {
        var months = Enumerable.Range(0, 16).Select(i => new YearMonth(2023, 12).AddMonths(i)).ToList();
        return new MonthlyTrend("Luton", "Bedfordshire Police area", Year, months,
            [.. months.Select((_, i) => 1500L + (i % 3 * 100))], [.. months.Select((_, i) => comparator(i))], "England and Wales is not in the samples.");
    }

    private static T Single<T>(IEnumerable<ReportBlock> blocks) => blocks.OfType<T>().Single();

    [Fact]
    public void Monthly_IndexesEachLineToItsOwnAverageInTheYear_AndTablesTheCounts()
    {
        var blocks = AssessmentCharts.Monthly(Trend(i => 3 * (1500L + (i % 3 * 100))), "1");
        var chart = Single<ChartBlock>(blocks).Chart;
        var spec = Assert.IsType<LineChartSpec>(chart.Spec);

        // April 2024 to March 2025 average 1,600 (four each of 1,500, 1,600 and 1,700): December 2023 (1,500) is 93.75.
        Assert.Equal(16, spec.Categories.Count);
        Assert.Equal("Dec 2023", spec.Categories[0]);
        Assert.Equal(93.75, spec.Series[0].Values[0]!.Value, 9);
        Assert.Equal(spec.Series[0].Values, spec.Series[1].Values);
        Assert.True(spec.Series[1].Dashed);
        Assert.StartsWith("Recorded crime in Luton followed the Bedfordshire Police area month by month", chart.Title, StringComparison.Ordinal);
        Assert.Equal(["Dec 2023", "1,500", "94", "4,500", "94"], chart.Data.Rows[0].Cells.Select(c => c.Text));
        Assert.Contains(chart.Data.Notes, n => n.Contains("England and Wales is not in the samples", StringComparison.Ordinal));
        Assert.Contains("average of 1,600 crimes a month", chart.Description, StringComparison.Ordinal);
        Assert.Contains("33% of the crime recorded in the Bedfordshire Police area", Single<NarrativeParagraph>(blocks).Sentences[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Monthly_DifferentPatterns_TitleSaysHowFarApart()
    {
        var chart = Single<ChartBlock>(AssessmentCharts.Monthly(Trend(i => i == 8 ? 8000 : 4000), "1")).Chart;
        Assert.Contains("the monthly pattern differs by up to", chart.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void OverallCrime_OneCompleteYearAndAMonthlyTrend_DrawsTheMonthlyChart_AndTheNoPreviousReasonIsSaid()
    {
        // The test assessment has six complete years: the yearly chart stays; with the years cut to one, the months are drawn.
        var full = TestReports.Assessment;
        Assert.IsType<LineChartSpec>(Single<ChartBlock>(AssessmentCharts.OverallCrime(full, "1", Trend(i => 4500))).Chart.Spec);
        Assert.DoesNotContain("Dec 2023", ((LineChartSpec)Single<ChartBlock>(AssessmentCharts.OverallCrime(full, "1", Trend(i => 4500))).Chart.Spec).Categories);

        var trends = full.Trends.Select(t => t with { Years = [.. t.Years.TakeLast(1)] }).ToList();
        var oneYear = full with { Trends = trends };
        var chart = Single<ChartBlock>(AssessmentCharts.OverallCrime(oneYear, "1", Trend(i => 4500))).Chart;
        Assert.Contains("Dec 2023", ((LineChartSpec)chart.Spec).Categories);

        var matrix = AssessmentCharts.MatrixSummary(full, "This is the first strategic assessment made from these data.");
        Assert.Contains(matrix.OfType<Paragraph>(), p => p.Text == "This is the first strategic assessment made from these data.");
    }
}
