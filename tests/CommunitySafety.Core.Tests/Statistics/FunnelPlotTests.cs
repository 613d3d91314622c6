using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class FunnelPlotTests
{
    [Fact]
    public void RateLimits_ReferenceTable_MatchesScipyToOneInABillion()
    {
        var table = ReferenceTable.Load("funnel_rates.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var limits = FunnelPlot.RateLimits(table.Number(row, "target"), table.Number(row, "denominator"));
            var context = string.Join(',', row);
            check.Close(table.Number(row, "lower95"), limits.Lower95, context);
            check.Close(table.Number(row, "upper95"), limits.Upper95, context);
            check.Close(table.Number(row, "lower998"), limits.Lower998, context);
            check.Close(table.Number(row, "upper998"), limits.Upper998, context);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void ProportionLimits_ReferenceTable_MatchesScipyToOneInABillion()
    {
        var table = ReferenceTable.Load("funnel_proportions.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var limits = FunnelPlot.ProportionLimits(table.Number(row, "target"), table.Integer(row, "denominator"));
            var context = string.Join(',', row);
            check.Close(table.Number(row, "lower95"), limits.Lower95, context, absolute: 1e-12);
            check.Close(table.Number(row, "upper95"), limits.Upper95, context, absolute: 1e-12);
            check.Close(table.Number(row, "lower998"), limits.Lower998, context, absolute: 1e-12);
            check.Close(table.Number(row, "upper998"), limits.Upper998, context, absolute: 1e-12);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void RateLimits_WorkedExample_MatchesDocumentation()
    {
        var limits = FunnelPlot.RateLimits(500, 10_000);
        Assert.Equal(361.2, limits.Lower95, 1);
        Assert.Equal(638.3, limits.Upper95, 1);
    }

    [Fact]
    public void RateLimits_NoEventsWhere2Point5Expected_IsWithinTheLower998Limit()
    {
        // P(X = 0 | 2.5) = 0.082: far from a 0.1% tail. The old "as if observed" limits flagged it "Low (99.8%)".
        var limits = FunnelPlot.RateLimits(250, 1000);
        Assert.Equal(0, limits.Lower998);
        Assert.Equal(0, limits.Lower95);
        Assert.Equal(FunnelPosition.WithinLimits, FunnelPlot.Position(0, limits));
    }

    [Fact]
    public void RateLimits_141EventsWhere106Point7Expected_IsHigh998()
    {
        // P(X ≥ 141 | 106.7) = 0.00087 < 0.001. The old limits called it only "High (95%)".
        var limits = FunnelPlot.RateLimits(10_670, 1000);
        Assert.Equal(13953.546631948171, limits.Upper998, 1e-8);
        Assert.Equal(FunnelPosition.High998, FunnelPlot.Position(141.0 / 1000 * 100_000, limits));
        Assert.Equal("High (99.8%)", FunnelPlot.Position(141.0 / 1000 * 100_000, limits).ToLabel());
    }

    [Fact]
    public void ProportionLimits_LargerDenominator_NarrowerFunnel()
    {
        var small = FunnelPlot.ProportionLimits(0.3, 100);
        var large = FunnelPlot.ProportionLimits(0.3, 10_000);
        Assert.True(large.Upper95 - large.Lower95 < small.Upper95 - small.Lower95);
        Assert.True(small.Lower998 < small.Lower95 && small.Upper95 < small.Upper998);
    }

    [Theory]
    [InlineData(700.0, FunnelPosition.High998, "High (99.8%)")]
    [InlineData(680.0, FunnelPosition.High95, "High (95%)")]
    [InlineData(500.0, FunnelPosition.WithinLimits, "Within limits")]
    [InlineData(360.0, FunnelPosition.Low95, "Low (95%)")]
    [InlineData(100.0, FunnelPosition.Low998, "Low (99.8%)")]
    [InlineData(null, FunnelPosition.NotCompared, "Not compared")]
    public void Position_ValueAgainstLimits_ReturnsBand(double? value, FunnelPosition expected, string label)
    {
        var limits = new FunnelLimits(10_000, 500, 371.1, 659.2, 330.0, 690.0);
        var position = FunnelPlot.Position(value, limits);
        Assert.Equal(expected, position);
        Assert.Equal(label, position.ToLabel());
    }
}
