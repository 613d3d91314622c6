using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

/// <summary>
/// Spiegelhalter's (2005) overdispersion: winsorised z-scores, φ, its χ² test, τ² and the adjusted limits.
/// No published table gives both the inputs and the outputs at full precision, so the expected numbers are derived by
/// hand from the published formulas: once in readable arithmetic inside the tests (<see cref="HandPhi"/>), and as
/// fixed numbers worked out independently (plain Python floats; the χ² tail on an even number of degrees of freedom
/// in closed form, e^(−x/2) Σ_{j&lt;k/2} (x/2)ʲ/j!).
/// </summary>
public class OverdispersionTests
{
    // Eleven areas: events and population; target 50 per 1,000.
    private static readonly FunnelUnit[] Rates =
    [
        new(30, 1000), new(45, 800), new(60, 1200), new(52, 1000), new(80, 1500), new(20, 600),
        new(75, 1000), new(40, 900), new(110, 1600), new(35, 1100), new(58, 1000),
    ];

    private static readonly FunnelUnit[] Proportions =
    [
        new(30, 100), new(45, 120), new(12, 80), new(70, 150), new(25, 90), new(40, 100), new(55, 110),
    ];

    [Fact]
    public void Estimate_Rates_SquareRootZScoresWinsorisedAtTenPercent_GiveHandDerivedPhiTestAndTau2()
    {
        var estimate = Overdispersion.Estimate(Rates, 50, FunnelMeasure.Rate, 1000);

        Assert.Equal(11, estimate.Units);
        Assert.Equal(10, estimate.DegreesOfFreedom);
        Assert.Equal(3.988730495638462, estimate.Phi, 1e-12);
        Assert.Equal(43.87603545202308, estimate.TestStatistic, 1e-11);
        Assert.Equal(3.4647763575232546e-06, estimate.PValue, 1e-15);
        Assert.Equal(0.016030966461279328, estimate.Tau2, 1e-14);
        Assert.True(estimate.Found);

        // The same from the formulas, written out: z = 2(√O − √E); with 11 areas the 10th and 90th percentiles are
        // the second lowest and second highest z, so the lowest and highest are set to them.
        var z = Rates.Select(u => 2 * (Math.Sqrt(u.Observed) - Math.Sqrt(50 * u.Denominator / 1000))).Order().ToArray();
        Assert.Equal(HandPhi(z, z[1], z[^2]), estimate.Phi, 1e-12);
        var w = Rates.Select(u => 4 * 50 * u.Denominator / 1000).ToArray();
        var tau2 = ((11 * estimate.Phi) - 10) / (w.Sum() - (w.Sum(x => x * x) / w.Sum()));
        Assert.Equal(tau2, estimate.Tau2, 1e-14);
    }

    [Fact]
    public void Limits_Rates_MultiplicativeAndAdditive_OnTheSquareRootScaleBackToRates()
    {
        var estimate = Overdispersion.Estimate(Rates, 50, FunnelMeasure.Rate, 1000);

        // Multiplicative: 50(1 ± z√φ/(2√E))²; additive: 50(1 ± z√(1/(4E) + τ²))².
        var multiplicative = estimate.Limits(OverdispersionMethod.Multiplicative, 1000);
        Assert.Equal(26.15163316316319, multiplicative.Lower95, 1e-11);
        Assert.Equal(81.50963880975782, multiplicative.Upper95, 1e-11);
        Assert.Equal(15.881753279985325, multiplicative.Lower998, 1e-11);
        Assert.Equal(103.16350886503598, multiplicative.Upper998, 1e-11);

        var additive = estimate.Limits(OverdispersionMethod.AdditiveRandomEffects, 1000);
        Assert.Equal(25.615969660462568, additive.Lower95, 1e-11);
        Assert.Equal(82.46298950157781, additive.Upper95, 1e-11);
        Assert.Equal(15.227072424020403, additive.Lower998, 1e-11);
        Assert.Equal(104.8565240915222, additive.Upper998, 1e-11);

        // At a smaller population the multiplicative funnel widens more than the additive one (τ² does not shrink with n).
        var small = estimate.Limits(OverdispersionMethod.AdditiveRandomEffects, 600);
        Assert.Equal(24.086511974885934, small.Lower95, 1e-11);
        Assert.Equal(109.86903316258991, small.Upper998, 1e-11);
        var smallMultiplicative = estimate.Limits(OverdispersionMethod.Multiplicative, 600);
        Assert.Equal(9.530920819409857, smallMultiplicative.Lower998, 1e-11);
        Assert.Equal(122.21118275562563, smallMultiplicative.Upper998, 1e-11);
    }

    [Fact]
    public void Compare_AreaOutsideExactLimitsButWithinAdjusted_ReportsBothWithMethodPhiAndTau2()
    {
        var estimate = Overdispersion.Estimate(Rates, 50, FunnelMeasure.Rate, 1000);

        var additive = estimate.Compare(OverdispersionMethod.AdditiveRandomEffects, 110, 1600);

        Assert.Equal(OverdispersionMethod.AdditiveRandomEffects, additive.Applied);
        Assert.Equal(68.75, additive.Value!.Value, 1e-12);
        Assert.Equal(1.24709251020776, additive.ZScore!.Value, 1e-12);
        Assert.Equal(FunnelPosition.WithinLimits, additive.Position);
        Assert.Equal(FunnelPosition.High998, additive.UnadjustedPosition);
        Assert.Equal(estimate.Phi, additive.Phi);
        Assert.Equal(estimate.Tau2, additive.Tau2);
        Assert.True(additive.OverdispersionFound);
        Assert.StartsWith("Additive random effects (Spiegelhalter 2005), τ = 0.12661", additive.MethodName, StringComparison.Ordinal);
        Assert.Contains("overdispersion found: φ = 3.989 (χ² = 43.88 on 10 df, p < 0.0001)", additive.MethodName, StringComparison.Ordinal);
        Assert.Contains("10% winsorised", additive.MethodName, StringComparison.Ordinal);

        var multiplicative = estimate.Compare(OverdispersionMethod.Multiplicative, 110, 1600);
        Assert.Equal(1.5459959337955815, multiplicative.ZScore!.Value, 1e-12);
        Assert.Equal(FunnelPosition.WithinLimits, multiplicative.Position);
        Assert.Equal(multiplicative.UnadjustedLimits, additive.UnadjustedLimits);
        Assert.Equal(FunnelPlot.RateLimits(50, 1600, 1000), additive.UnadjustedLimits);
    }

    [Fact]
    public void Estimate_Proportions_OnTheProportionScale_GiveHandDerivedPhiTau2AndLimits()
    {
        var estimate = Overdispersion.Estimate(Proportions, 35, FunnelMeasure.Proportion, 100);

        Assert.Equal(4.122714907168723, estimate.Phi, 1e-12);
        Assert.Equal(28.85900435018106, estimate.TestStatistic, 1e-11);
        Assert.Equal(6.469058436131082e-05, estimate.PValue, 1e-14);
        Assert.Equal(0.008142625505740382, estimate.Tau2, 1e-14);

        var z = Proportions.Select(u => ((u.Observed / u.Denominator) - 0.35) / Math.Sqrt(0.35 * 0.65 / u.Denominator)).Order().ToArray();
        var low = z[0] + (0.6 * (z[1] - z[0]));
        var high = z[^2] + (0.4 * (z[^1] - z[^2]));
        Assert.Equal(HandPhi(z, low, high), estimate.Phi, 1e-12);

        var additive = estimate.Limits(OverdispersionMethod.AdditiveRandomEffects, 100);
        Assert.Equal(14.995280709363978, additive.Lower95, 1e-11);
        Assert.Equal(55.00471929063602, additive.Upper95, 1e-11);
        var multiplicative = estimate.Limits(OverdispersionMethod.Multiplicative, 100);
        Assert.Equal(5.072290422198811, multiplicative.Lower998, 1e-11);
        Assert.Equal(64.92770957780118, multiplicative.Upper998, 1e-11);
    }

    [Fact]
    public void Estimate_NoOverdispersion_AppliesNoneAndKeepsTheExactLimits()
    {
        // Counts close to their expectations: I·φ below I − 1, so τ² is floored at 0 and nothing is found.
        FunnelUnit[] calm = [new(50, 1000), new(52, 1000), new(47, 1000), new(49, 1000), new(53, 1000), new(48, 1000)];

        var estimate = Overdispersion.Estimate(calm, 50, FunnelMeasure.Rate, 1000);
        var comparison = estimate.Compare(OverdispersionMethod.AdditiveRandomEffects, 53, 1000);

        Assert.False(estimate.Found);
        Assert.Equal(0, estimate.Tau2);
        Assert.True(estimate.TestStatistic < estimate.DegreesOfFreedom);
        Assert.Equal(OverdispersionMethod.AdditiveRandomEffects, comparison.Requested);
        Assert.Equal(OverdispersionMethod.None, comparison.Applied);
        Assert.Equal(comparison.UnadjustedLimits, comparison.Limits);
        Assert.StartsWith("No allowance for overdispersion (exact limits, none needed); no overdispersion found", comparison.MethodName, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_WinsoriseFractionAndSignificance_AreOptions()
    {
        var none = Overdispersion.Estimate(Rates, 50, FunnelMeasure.Rate, 1000, winsoriseFraction: 0);
        var z = Rates.Select(u => 2 * (Math.Sqrt(u.Observed) - Math.Sqrt(50 * u.Denominator / 1000))).ToArray();
        Assert.Equal(z.Sum(v => v * v) / 11, none.Phi, 1e-12);
        Assert.Contains("0% winsorised", none.Describe(), StringComparison.Ordinal);

        var strict = Overdispersion.Estimate(Rates, 50, FunnelMeasure.Rate, 1000, significance: 1e-6);
        Assert.False(strict.Found);
        Assert.Equal(OverdispersionMethod.None, strict.Compare(OverdispersionMethod.Multiplicative, 110, 1600).Applied);
    }

    [Fact]
    public void Compare_NoValueOrDenominator_NotCompared()
    {
        var estimate = Overdispersion.Estimate(Rates, 50, FunnelMeasure.Rate, 1000);

        Assert.Equal(FunnelPosition.NotCompared, estimate.Compare(OverdispersionMethod.AdditiveRandomEffects, null, 1000).Position);
        var noDenominator = estimate.Compare(OverdispersionMethod.AdditiveRandomEffects, 10, 0);
        Assert.Equal(FunnelPosition.NotCompared, noDenominator.Position);
        Assert.Equal(FunnelPosition.NotCompared, noDenominator.UnadjustedPosition);
        Assert.Null(noDenominator.Value);
    }

    [Fact]
    public void Estimate_FewerThanTwoAreas_NotEstimatedAndSaysWhy()
    {
        var estimate = Overdispersion.Estimate([new FunnelUnit(10, 1000), new FunnelUnit(5, 0)], 50, FunnelMeasure.Rate, 1000);

        Assert.False(estimate.IsEstimated);
        Assert.False(estimate.Found);
        Assert.Equal(1, estimate.Units);
        Assert.Equal("overdispersion not estimated: 1 area(s) with a denominator, at least 2 needed", estimate.Describe());
        Assert.Equal(OverdispersionMethod.None, estimate.Compare(OverdispersionMethod.Multiplicative, 10, 1000).Applied);
    }

    [Fact]
    public void Estimate_NonWholeCounts_Accepted()
    {
        FunnelUnit[] modelled = [new(35.5, 1000), new(61.25, 1000), new(48.75, 1000.5)];

        var estimate = Overdispersion.Estimate(modelled, 50, FunnelMeasure.Rate, 1000);

        Assert.Equal(3, estimate.Units);
        Assert.True(double.IsFinite(estimate.Phi));
    }

    private static double HandPhi(double[] z, double low, double high) =>
        z.Select(v => Math.Min(Math.Max(v, low), high)).Sum(v => v * v) / z.Length;
}
