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
        Assert.Equal(648.3, limits.Upper95, 1);
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
        // P(X ≥ 141 | 106.7) = 0.00087 < 0.001. The old limits called it only "High (95%)". The upper 99.8% limit is
        // 140.5 events: 140 (P(X ≥ 140) = 0.0011) is not beyond it.
        var limits = FunnelPlot.RateLimits(10_670, 1000);
        Assert.Equal(14053.546631948171, limits.Upper998, 1e-8);
        Assert.Equal(FunnelPosition.High95, FunnelPlot.Position(140.0 / 1000 * 100_000, limits));
        Assert.Equal(FunnelPosition.High998, FunnelPlot.Position(141.0 / 1000 * 100_000, limits));
        Assert.Equal("High (99.8%)", FunnelPlot.Position(141.0 / 1000 * 100_000, limits).ToLabel());
    }

    // PHEindicatormethods' published funnel test data for indirectly standardised ratios
    // (tests/testthat/testdata_funnel_ratio_outputs.csv): for an observed count O, the expected count at which O lies
    // on each limit, and the ratio there (× 100), printed to 10 significant figures.
    [Theory]
    [InlineData(1, 5.571644585, 17.94802207, 9.233410143, 10.83023482)]
    [InlineData(10, 18.39035799, 54.3763205, 24.13397235, 41.43536693)]
    [InlineData(100, 121.6268111, 82.21871402, 134.9243187, 74.11562345)]
    [InlineData(716, 770.4222128, 92.93605352, 802.60414, 89.20960712)]
    public void RatioLimits_PheFunnelTestData_LowerLimitsPassThroughThePublishedPoints(
        int observed, double expected95, double ratio95, double expected998, double ratio998)
    {
        // The expected counts are printed to 10 figures; the interpolated limit moves with E by F'(E)/P(X = O), which turns
        // that rounding into a few parts in a million at most.
        Assert.Equal(ratio95, FunnelPlot.RatioLimits(expected95).Lower95, ratio95 * 1e-5);
        Assert.Equal(ratio998, FunnelPlot.RatioLimits(expected998).Lower998, ratio998 * 1e-5);
        Assert.Equal(observed / expected95 * 100, ratio95, ratio95 * 1e-8);
    }

    // The upper side of the same data: at the expected count where P(X ≥ O) is the tail probability, the upper limit
    // passes through O (the limits interpolate the upper tail P(X ≥ r) there).
    [Theory]
    [InlineData(2, 0.242209467, 825.7315569, 0.04540199, 4405.093268)]
    [InlineData(10, 4.795387629, 208.5337156, 2.960519925, 337.778507)]
    [InlineData(100, 81.36400699, 122.9044681, 71.92139974, 139.0406755)]
    [InlineData(716, 664.5083011, 107.7488421, 636.1521174, 112.5516964)]
    public void RatioLimits_PheFunnelTestData_UpperLimitsPassThroughThePublishedPoints(
        int observed, double expected95, double ratio95, double expected998, double ratio998)
    {
        Assert.Equal(ratio95, FunnelPlot.RatioLimits(expected95).Upper95, ratio95 * 1e-5);
        Assert.Equal(ratio998, FunnelPlot.RatioLimits(expected998).Upper998, ratio998 * 1e-5);
        Assert.Equal(observed / expected998 * 100, ratio998, ratio998 * 1e-8);
    }

    [Theory]
    [InlineData(0.3, 100)]
    [InlineData(0.3, 1000)]
    [InlineData(0.05, 35078.488)]
    [InlineData(0.9, 468.3358)]
    public void ProportionLimits_WilsonInversion_EqualsPhesQuadraticAndTheScoreTestLimits(double target, double n)
    {
        // PHE's Wilson inversion solves a quadratic for the proportion whose Wilson interval touches the target; it equals
        // θ₀ ± z√(θ₀(1 − θ₀)/n). The quadratic, as PHE publishes it, written out here with z = Φ⁻¹(0.975):
        const double z = 1.959963984540054;
        var q = z * z;
        var first = target * ((n / q) + 1);
        var root = Math.Sqrt(Math.Pow(-8 * target * ((n / q) + 1), 2)
            - (64 * ((1 / q) + (1 / n)) * target * ((n * ((target * ((n / q) + 2)) - 1)) + (q * (target - 1)))));
        var last = (1 / q) + (1 / n);
        var pheLower = (first - (root / 8)) / last / n * 100;
        var pheUpper = (first + (root / 8)) / last / n * 100;

        var limits = FunnelPlot.ProportionLimits(target, n, 100, ProportionFunnelMethod.WilsonInversion);

        Assert.Equal(pheLower, limits.Lower95, 1e-9);
        Assert.Equal(pheUpper, limits.Upper95, 1e-9);
    }

    // PHEindicatormethods' published funnel test data for proportions (tests/testthat/testdata_funnel_prop_outputs.csv):
    // baseline 80.642448%, limits printed to 6 decimals (the baseline's own rounding adds up to 5e-7).
    [Theory]
    [InlineData(1, 3.204264, 100, 0, 100)]
    [InlineData(3, 35.933491, 100, 10.150815, 100)]
    [InlineData(18, 62.390093, 98.894803, 51.864359, 100)]
    [InlineData(41, 68.548635, 92.73626, 61.574398, 99.710497)]
    [InlineData(1008, 78.203374, 83.081521, 76.796814, 84.488082)]
    [InlineData(9998, 79.867989, 81.416907, 79.421375, 81.863521)]
    [InlineData(110000, 80.408963, 80.875933, 80.274317, 81.010578)]
    public void ProportionLimits_WilsonInversion_MatchesPheFunnelTestDataToPrintedPrecision(
        int n, double lower95, double upper95, double lower998, double upper998)
    {
        var limits = FunnelPlot.ProportionLimits(0.80642448, n, 100, ProportionFunnelMethod.WilsonInversion);
        Assert.Equal(lower95, limits.Lower95, 1e-6);
        Assert.Equal(upper95, limits.Upper95, 1e-6);
        Assert.Equal(lower998, limits.Lower998, 1e-6);
        Assert.Equal(upper998, limits.Upper998, 1e-6);
    }

    [Fact]
    public void ProportionLimits_ExactBinomialWithNonWholeDenominator_RefusedWithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() => FunnelPlot.ProportionLimits(0.3, 468.3358, 100, ProportionFunnelMethod.ExactBinomial));
        Assert.Contains("whole number in the group", error.Message, StringComparison.Ordinal);
        Assert.Contains("Wilson inversion", error.Message, StringComparison.Ordinal);
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
