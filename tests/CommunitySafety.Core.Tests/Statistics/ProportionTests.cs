using CommunitySafety.Statistics;
using CsCheck;

namespace CommunitySafety.Core.Tests.Statistics;

public class ProportionTests
{
    [Fact]
    public void Calculate_ReferenceTable_MatchesScipyToOneInABillion()
    {
        var table = ReferenceTable.Load("proportions.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var z = table.Text(row, "z") == "rounded" ? ZConvention.Rounded : ZConvention.ExactQuantile;
            var result = Proportion.Calculate(table.Integer(row, "numerator"), table.Integer(row, "denominator"), 100, z);
            var context = string.Join(',', row);
            check.Close(table.Number(row, "value"), result.Value, context, absolute: 1e-12);
            check.Close(table.Number(row, "lower95"), result.Lower95, context, absolute: 1e-12);
            check.Close(table.Number(row, "upper95"), result.Upper95, context, absolute: 1e-12);
            check.Close(table.Number(row, "lower998"), result.Lower998, context, absolute: 1e-12);
            check.Close(table.Number(row, "upper998"), result.Upper998, context, absolute: 1e-12);
        }

        check.AssertAllPassed();
    }

    // Newcombe RG, "Two-sided confidence intervals for the single proportion", Stat Med 1998;17:857–872, table II (Wilson score).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void WilsonLimits_NewcombeExamples_MatchPublishedValues(long r, long n, double lower, double upper)
    {
        var result = Proportion.Calculate(r, n, multiplier: 1);
        Assert.Equal(lower, result.Lower95!.Value, 4);
        Assert.Equal(upper, result.Upper95!.Value, 4);
    }

    [Fact]
    public void Calculate_ZeroDenominator_ReturnsNulls()
    {
        var result = Proportion.Calculate(0, 0);
        Assert.Null(result.Value);
        Assert.Null(result.Lower95);
    }

    [Fact]
    public void Calculate_NumeratorAboveDenominator_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Calculate(11, 10));

    [Fact]
    public void Calculate_AnyProportion_IntervalContainsEstimateWithinZeroToHundred() =>
        Gen.Long[1, 100_000_000].SelectMany(n => Gen.Long[0, n].Select(r => (r, n)))
            .Sample((r, n) =>
            {
                var p = Proportion.Calculate(r, n);
                Assert.True(p.Lower998 >= 0 && p.Lower998 <= p.Lower95 && p.Lower95 <= p.Value + 1e-12, $"{p}");
                Assert.True(p.Value <= p.Upper95 + 1e-12 && p.Upper95 <= p.Upper998 && p.Upper998 <= 100 + 1e-12, $"{p}");
            });

    [Fact]
    public void Calculate_LargerSampleSameProportion_NarrowerInterval() =>
        Gen.Select(Gen.Long[0, 1000], Gen.Long[1, 1000], Gen.Int[2, 50])
            .Sample((r, extra, factor) =>
            {
                var n = r + extra;
                var small = Proportion.Calculate(r, n);
                var large = Proportion.Calculate(r * factor, n * factor);
                Assert.True(large.Upper95 - large.Lower95 < small.Upper95 - small.Lower95, $"{small} {large}");
            });
}
