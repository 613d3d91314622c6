using CommunitySafety.Statistics;
using CsCheck;

namespace CommunitySafety.Core.Tests.Statistics;

public class CrudeRateTests
{
    [Fact]
    public void Calculate_ReferenceTable_MatchesScipyToOneInABillion()
    {
        var table = ReferenceTable.Load("rates.csv");
        var check = new ReferenceTable.Check();
        Assert.True(table.Rows.Count >= 300, "the reference table needs at least 300 cases");
        foreach (var row in table.Rows)
        {
            var options = RateOptions.Default with
            {
                Multiplier = table.Number(row, "multiplier"),
                Method = table.Text(row, "method") switch { "byars" => PoissonMethod.Byars, "exact" => PoissonMethod.Exact, _ => PoissonMethod.Auto },
                ZConvention = table.Text(row, "z") == "rounded" ? ZConvention.Rounded : ZConvention.ExactQuantile,
            };
            var count = table.Integer(row, "count");
            var result = CrudeRate.Calculate(count, table.Number(row, "denominator"), options);
            var context = string.Join(',', row);
            check.Close(table.Number(row, "value"), result.Value, context);
            check.Close(table.Number(row, "lower95"), result.Lower95, context);
            check.Close(table.Number(row, "upper95"), result.Upper95, context);
            check.Close(table.Number(row, "lower998"), result.Lower998, context);
            check.Close(table.Number(row, "upper998"), result.Upper998, context);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void Calculate_WorkedExample_MatchesDocumentation()
    {
        var result = CrudeRate.Calculate(173, 95_000);
        Assert.Equal(182.105, result.Value!.Value, 3);
        Assert.Equal(155.978, result.Lower95!.Value, 3);
        Assert.Equal(211.356, result.Upper95!.Value, 3);
        Assert.Equal(PoissonMethod.Byars, result.MethodUsed);
        Assert.Equal(173, result.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(double.NaN)]
    public void Calculate_NoDenominator_ReturnsNullsNotNumbers(double denominator)
    {
        var result = CrudeRate.Calculate(5, denominator);
        Assert.Null(result.Value);
        Assert.Null(result.Lower95);
        Assert.Null(result.Upper998);
        Assert.Equal(5, result.Count);
    }

    [Fact]
    public void Calculate_NegativeInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CrudeRate.Calculate(-1, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrudeRate.Calculate(1, -100));
    }

    [Fact]
    public void Calculate_RoundedZ_DiffersFromExactZ()
    {
        var exact = CrudeRate.Calculate(500, 100_000);
        var rounded = CrudeRate.Calculate(500, 100_000, RateOptions.Default with { ZConvention = ZConvention.Rounded });
        Assert.NotEqual(exact.Lower95, rounded.Lower95);
        Assert.Equal(exact.Value, rounded.Value);
    }

    [Fact]
    public void CalculateMany_AnyInputs_EqualsSingleCalculation()
    {
        long[] counts = [0, 3, 9, 10, 173, 1_000_000];
        double[] denominators = [10, 1000, 0, 95_000, 95_000, 1e8];
        var results = new RateResult[counts.Length];
        CrudeRate.CalculateMany(counts, denominators, results, RateOptions.Default);
        for (var i = 0; i < counts.Length; i++)
        {
            Assert.Equal(CrudeRate.Calculate(counts[i], denominators[i]), results[i]);
        }
    }

    [Fact]
    public void CalculateMany_MismatchedLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => CrudeRate.CalculateMany(new long[2], new double[3], new RateResult[2], RateOptions.Default));

    [Fact]
    public void Calculate_AnyCount_IntervalContainsEstimateAndWidensWithConfidence() =>
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Double[1, 1e8], Gen.Enum<PoissonMethod>())
            .Sample((count, denominator, method) =>
            {
                var r = CrudeRate.Calculate(count, denominator, RateOptions.Default with { Method = method });
                Assert.True(r.Lower95 <= r.Value && r.Value <= r.Upper95, $"{r}");
                Assert.True(r.Lower998 <= r.Lower95 && r.Upper95 <= r.Upper998, $"{r}");
                Assert.True(r.Lower95 >= 0);
            });

    [Fact]
    public void Calculate_LargerPopulationSameRate_NarrowerInterval() =>
        Gen.Select(Gen.Long[1, 100_000], Gen.Int[2, 100])
            .Sample((count, factor) =>
            {
                var small = CrudeRate.Calculate(count, count * 50.0);
                var large = CrudeRate.Calculate(count * factor, count * factor * 50.0);
                Assert.Equal(small.Value!.Value, large.Value!.Value, 9);
                Assert.True(large.Upper95 - large.Lower95 < small.Upper95 - small.Lower95, $"{small} {large}");
            });
}
