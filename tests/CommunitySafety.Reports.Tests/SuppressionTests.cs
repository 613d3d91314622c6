using CommunitySafety.Reports.Disclosure;

namespace CommunitySafety.Reports.Tests;

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
        var internalHtml = await Rendering.HtmlReportRenderer.RenderAsync(await TestReports.ProgressAsync(ReportVariant.Internal));
        var published = await Rendering.HtmlReportRenderer.RenderAsync(await TestReports.ProgressAsync(ReportVariant.Published));
        Assert.DoesNotContain("[c]", internalHtml, StringComparison.Ordinal);
        Assert.Contains("[c]", published, StringComparison.Ordinal);
        Assert.Contains("Suppressed to protect confidentiality", published, StringComparison.Ordinal);
    }
}
