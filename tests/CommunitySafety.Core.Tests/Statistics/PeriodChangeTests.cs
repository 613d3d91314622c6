using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class PeriodChangeTests
{
    [Fact]
    public void ForRates_ReferenceTable_MatchesScipyBinomtest()
    {
        var table = ReferenceTable.Load("change_rates.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var change = PeriodChange.ForRates(
                table.Integer(row, "earlier_count"), table.Number(row, "earlier_denominator"),
                table.Integer(row, "later_count"), table.Number(row, "later_denominator"));
            var context = string.Join(',', row);
            check.Close(table.Number(row, "p_value"), change.PValue, context);
            check.Close(table.Optional(row, "ratio_lower95"), change.RateRatioLower95, context);
            check.Close(table.Optional(row, "ratio_upper95"), change.RateRatioUpper95, context);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void ForProportions_ReferenceTable_MatchesScipy()
    {
        var table = ReferenceTable.Load("change_proportions.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var change = PeriodChange.ForProportions(
                table.Integer(row, "earlier_numerator"), table.Integer(row, "earlier_denominator"),
                table.Integer(row, "later_numerator"), table.Integer(row, "later_denominator"));
            var context = string.Join(',', row);
            check.Close(table.Number(row, "p_value"), change.PValue, context);
            check.Close(table.Number(row, "difference_lower95"), change.DifferenceLower95, context, absolute: 1e-12);
            check.Close(table.Number(row, "difference_upper95"), change.DifferenceUpper95, context, absolute: 1e-12);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void ForCounts_173To192_DescribesChangeAndIsNotSignificant()
    {
        var change = PeriodChange.ForCounts(173, 192, Polarity.LowIsGood);
        Assert.Equal("from 173 to 192 (+19, +11%)", change.Describe());
        Assert.Equal(0.346, change.PValue, 3);
        Assert.Equal(Direction.Similar, change.Direction);
        Assert.Equal(ComparisonOutcome.Similar, change.Outcome);
        Assert.Equal((173L, 192L, 19L), (change.EarlierCount, change.LaterCount, change.CountChange));
    }

    [Fact]
    public void ForCounts_LargeFall_IsSignificantlyBetterWhenLowIsGood()
    {
        var change = PeriodChange.ForCounts(1_250, 1_000, Polarity.LowIsGood);
        Assert.Equal("from 1,250 to 1,000 (−250, −20%)", change.Describe());
        Assert.True(change.PValue < 0.001);
        Assert.Equal(Direction.Lower, change.Direction);
        Assert.Equal(ComparisonOutcome.Better, change.Outcome);
        Assert.Equal(0.8, change.RateRatio!.Value, 12);
        Assert.True(change.RateRatioLower95 < 0.8 && change.RateRatioUpper95 < 1);
    }

    [Fact]
    public void ForRates_FallingCountsOnFallingExposure_DescribesTheRisingRateNotTheCounts()
    {
        // 21 events over 3,011 → 11 over 800: counts −10 (−48%), rates 697.44 → 1,375 per 100,000 (+97%).
        var change = PeriodChange.ForRates(21, 3011, 11, 800, Polarity.LowIsGood);
        Assert.False(change.IsCountComparison);
        Assert.Equal(97.1, change.PercentChange!.Value, 1);
        Assert.Equal("rate from 697.44 to 1,375 per 100,000 (+677.56, +97%); events from 21 to 11", change.Describe());
    }

    [Fact]
    public void ForCounts_FromZero_HasNoPercentOrRatio()
    {
        var change = PeriodChange.ForCounts(0, 4);
        Assert.Null(change.PercentChange);
        Assert.Null(change.RateRatio);
        Assert.Null(change.RateRatioUpper95);
        Assert.Equal("from 0 to 4 (+4)", change.Describe());
    }

    // Newcombe RG, "Interval estimation for the difference between independent proportions", Stat Med 1998, table II, method 10.
    [Theory]
    [InlineData(56, 70, 48, 80, -0.3339, -0.0524)]
    [InlineData(9, 10, 3, 10, -0.8090, -0.1705)]
    public void ForProportions_NewcombeExamples_MatchPublishedInterval(long r1, long n1, long r2, long n2, double lower, double upper)
    {
        var change = PeriodChange.ForProportions(r1, n1, r2, n2, multiplier: 1);
        Assert.Equal(lower, change.DifferenceLower95, 4);
        Assert.Equal(upper, change.DifferenceUpper95, 4);
    }

    [Fact]
    public void BinomialTestTwoSided_SymmetricCase_MatchesHandCalculation()
    {
        // 0 of 5 at p = 0.5: P(0) + P(5) = 2/32.
        Assert.Equal(0.0625, PeriodChange.BinomialTestTwoSided(0, 5, 0.5), 15);
        Assert.Equal(1, PeriodChange.BinomialTestTwoSided(5, 10, 0.5));
    }
}
