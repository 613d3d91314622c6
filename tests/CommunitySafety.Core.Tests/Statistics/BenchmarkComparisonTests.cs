using CommunitySafety.Statistics;
using CsCheck;

namespace CommunitySafety.Core.Tests.Statistics;

public class BenchmarkComparisonTests
{
    [Theory]
    [InlineData(150.0, ComparisonOutcome.Worse)]
    [InlineData(180.0, ComparisonOutcome.Similar)]
    [InlineData(230.0, ComparisonOutcome.Better)]
    public void Compare95_RateAgainstEngland_UsesIntervalAndPolarity(double england, ComparisonOutcome expected)
    {
        var rate = CrudeRate.Calculate(173, 95_000); // 182.1 (156.0 to 211.4)
        Assert.Equal(expected, BenchmarkComparison.Compare(rate, england, Polarity.LowIsGood));
    }

    [Fact]
    public void Compare95And998_BeyondBothLevels_IsWorst()
    {
        var rate = CrudeRate.Calculate(173, 95_000); // 99.8% limits 146.4 to 225.1
        Assert.Equal(ComparisonOutcome.Worst, BenchmarkComparison.Compare(rate, 140, Polarity.LowIsGood, ComparisonMethod.ConfidenceInterval95And998));
        Assert.Equal(ComparisonOutcome.Worse, BenchmarkComparison.Compare(rate, 150, Polarity.LowIsGood, ComparisonMethod.ConfidenceInterval95And998));
        Assert.Equal(ComparisonOutcome.Best, BenchmarkComparison.Compare(rate, 140, Polarity.HighIsGood, ComparisonMethod.ConfidenceInterval95And998));
        Assert.Equal(ComparisonOutcome.Higher, BenchmarkComparison.Compare(rate, 140, Polarity.NoJudgement, ComparisonMethod.ConfidenceInterval95And998));
    }

    [Fact]
    public void Compare_MissingData_IsNotCompared()
    {
        Assert.Equal(ComparisonOutcome.NotCompared, BenchmarkComparison.Compare95(null, 1, 2, Polarity.LowIsGood));
        Assert.Equal(ComparisonOutcome.NotCompared, BenchmarkComparison.Compare(CrudeRate.Calculate(5, 0), 100, Polarity.LowIsGood));
        Assert.Equal(ComparisonOutcome.NotCompared, BenchmarkComparison.CompareOverlap(1, 2, null, 3, Polarity.LowIsGood));
        Assert.Equal(ComparisonOutcome.NotCompared, BenchmarkComparison.CompareProportionWithControlLimits(5, 0, 0.5, Polarity.HighIsGood));
    }

    [Theory]
    [InlineData(10.0, 12.0, 12.5, 14.0, ComparisonOutcome.Better)]
    [InlineData(10.0, 13.0, 12.5, 14.0, ComparisonOutcome.Similar)]
    [InlineData(15.0, 16.0, 12.5, 14.0, ComparisonOutcome.Worse)]
    public void CompareOverlap_Intervals_DifferentOnlyWithoutOverlap(double l, double u, double bl, double bu, ComparisonOutcome expected) =>
        Assert.Equal(expected, BenchmarkComparison.CompareOverlap(l, u, bl, bu, Polarity.LowIsGood));

    // Exact binomial limits around 50% of 100: P(X ≥ 61) = 0.0176 is beyond the upper 95% limit; P(X ≥ 60) = 0.0284
    // is not, as P(X ≤ 40) = 0.0284 is not beyond the lower one (the two tails are treated alike).
    [Theory]
    [InlineData(61, 100, ComparisonOutcome.Better)]
    [InlineData(60, 100, ComparisonOutcome.Similar)]
    [InlineData(40, 100, ComparisonOutcome.Similar)]
    [InlineData(53, 100, ComparisonOutcome.Similar)]
    [InlineData(30, 100, ComparisonOutcome.Worst)]
    public void CompareProportionWithControlLimits_AgainstFiftyPercent_GivesOutcome(long r, long n, ComparisonOutcome expected) =>
        Assert.Equal(expected, BenchmarkComparison.CompareProportionWithControlLimits(r, n, 0.5, Polarity.HighIsGood, twoLevel: true));

    [Fact]
    public void Compare_OverlapMethodWithSingleBenchmark_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkComparison.Compare(CrudeRate.Calculate(5, 10), 1, Polarity.LowIsGood, ComparisonMethod.OverlappingIntervals));

    [Fact]
    public void Compare95_SwappingPolarity_SwapsBetterAndWorse() =>
        Gen.Select(Gen.Long[0, 10_000], Gen.Double[1_000, 1e6], Gen.Double[0, 2_000])
            .Sample((count, population, benchmark) =>
            {
                var rate = CrudeRate.Calculate(count, population);
                var low = BenchmarkComparison.Compare(rate, benchmark, Polarity.LowIsGood);
                var high = BenchmarkComparison.Compare(rate, benchmark, Polarity.HighIsGood);
                var none = BenchmarkComparison.Compare(rate, benchmark, Polarity.NoJudgement);
                Assert.Equal(low switch { ComparisonOutcome.Better => ComparisonOutcome.Worse, ComparisonOutcome.Worse => ComparisonOutcome.Better, _ => low }, high);
                Assert.Equal(low switch { ComparisonOutcome.Better => ComparisonOutcome.Lower, ComparisonOutcome.Worse => ComparisonOutcome.Higher, _ => low }, none);
            });
}
