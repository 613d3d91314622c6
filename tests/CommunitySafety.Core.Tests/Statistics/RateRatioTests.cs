using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

/// <summary>
/// The ratio of two Poisson rates (disproportionality ratios). Reference values are hand-worked from the definition of
/// the exact conditional interval: a of N = a + b is Binomial(N, π); the Clopper–Pearson limits π_L, π_U solve
/// P(X ≥ a | N, π_L) = 0.025 and P(X ≤ a | N, π_U) = 0.025, found by bisection on the binomial sums (pure Python, lgamma),
/// and RR = π/(1 − π) × n₀/n₁.
/// </summary>
public class RateRatioTests
{
    [Theory]
    // a, n1, b, n0 → ratio, lower, upper
    [InlineData(100, 10_000, 50, 20_000, 4.0, 2.8211009220189327, 5.735257310051604)]
    [InlineData(3, 1_000, 120, 100_000, 2.5, 0.5084094485532009, 7.483486878305208)]
    public void Calculate_MatchesTheHandWorkedExactInterval(long a, double n1, long b, double n0, double ratio, double lower, double upper)
    {
        var r = RateRatio.Calculate(a, n1, b, n0);

        Assert.Equal(ratio, r.Ratio!.Value, 12);
        Assert.Equal(lower, r.Lower95!.Value, 7);
        Assert.Equal(upper, r.Upper95!.Value, 7);
        Assert.Equal(a / n1 * 1000, r.Rate, 12);
        Assert.Equal(b / n0 * 1000, r.ReferenceRate, 12);
    }

    [Fact]
    public void Calculate_NoEventsInTheGroup_HasRatioZeroAndAFiniteUpperLimit()
    {
        var r = RateRatio.Calculate(0, 500, 40, 80_000);

        Assert.Equal(0, r.Ratio);
        Assert.Equal(0, r.Lower95);
        Assert.Equal(15.457316339897824, r.Upper95!.Value, 6);
        Assert.False(r.IsSignificant);
    }

    [Fact]
    public void Calculate_NoReferenceEvents_HasNoRatioAndNoUpperLimit()
    {
        var r = RateRatio.Calculate(5, 500, 0, 80_000);

        Assert.Null(r.Ratio);
        Assert.Null(r.Upper95);
    }

    [Fact]
    public void Calculate_LargeCounts_AgreesWithTheLogNormalApproximation()
    {
        // Bedfordshire 2023/24 (police.uk, self-defined): 494 Black people searched of 39,601 residents, 2,025 White of 507,517.
        // Log-normal (Katz): RR·exp(±1.96·√(1/494 + 1/2025)) = 3.1251 × exp(±0.0986…) → 2.832 to 3.449.
        var r = RateRatio.Calculate(494, 39_601, 2_025, 507_517);
        var se = Math.Sqrt((1.0 / 494) + (1.0 / 2025));

        Assert.Equal(494 / 39_601.0 / (2025 / 507_517.0), r.Ratio!.Value, 12);
        Assert.Equal(r.Ratio.Value * Math.Exp(-1.959963984540054 * se), r.Lower95!.Value, 2);
        Assert.Equal(r.Ratio.Value * Math.Exp(1.959963984540054 * se), r.Upper95!.Value, 2);
        Assert.True(r.IsSignificant);
    }
}
