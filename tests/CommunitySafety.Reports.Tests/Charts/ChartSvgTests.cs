using CommunitySafety.Reports.Charts;
using CommunitySafety.Reports.Model;

namespace CommunitySafety.Reports.Tests.Charts;

public sealed class ChartSvgTests
{
    private static ReportChart Line(bool dashed) => new("1", "Title", "Description",
        new LineChartSpec(["2022/23", "2023/24", "2024/25"], [new LineSeries("Luton", [100, 104, 98]), new LineSeries("England and Wales", [100, 101, 102], Dashed: dashed)], 100),
        new ReportTable("Data", [new("Year")], []));

    [Fact]
    public void ToSvg_DashedSeriesAndDottedReferenceLine_AreDashedInTheSvg()
    {
        var svg = ChartRenderer.ToSvg(Line(dashed: true));

        // The dashed series (and its legend entry) and the dotted reference line at 100; SkiaSharp's SVG canvas alone drops them.
        Assert.True(svg.Split("stroke-dasharray=\"7 4\"").Length - 1 >= 2, "dashed series and its legend line");
        Assert.Contains("stroke-dasharray=\"2 3\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("stroke-opacity=\"0.99", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_SolidSeries_HaveNoDashes()
    {
        var svg = ChartRenderer.ToSvg(Line(dashed: false));
        Assert.DoesNotContain("stroke-dasharray=\"7 4\"", svg, StringComparison.Ordinal);
    }
}
