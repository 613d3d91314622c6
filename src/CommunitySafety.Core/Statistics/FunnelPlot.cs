using CommunitySafety.Statistics.Internals;

namespace CommunitySafety.Statistics;

/// <summary>Funnel-plot control limits at one denominator, on the scale of the values (per multiplier).</summary>
/// <param name="Denominator">The denominator at which the limits apply.</param>
/// <param name="Target">The target (benchmark) value.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Lower998">Lower 99.8% limit.</param>
/// <param name="Upper998">Upper 99.8% limit.</param>
public readonly record struct FunnelLimits(
    double Denominator, double Target, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>Where an area lies on a funnel plot.</summary>
public enum FunnelPosition
{
    /// <summary>Missing value or denominator.</summary>
    NotCompared = 0,

    /// <summary>Below the lower 99.8% limit.</summary>
    Low998 = 1,

    /// <summary>Below the lower 95% limit but not the 99.8% one.</summary>
    Low95 = 2,

    /// <summary>Within the 95% limits.</summary>
    WithinLimits = 3,

    /// <summary>Above the upper 95% limit but not the 99.8% one.</summary>
    High95 = 4,

    /// <summary>Above the upper 99.8% limit.</summary>
    High998 = 5,
}

/// <summary>
/// Funnel plot control limits around a target (Spiegelhalter 2005) and each area's position.
/// </summary>
/// <remarks>
/// <para>Source: Spiegelhalter DJ, "Funnel plots for comparing institutional performance", Statistics in Medicine
/// 2005;24:1185–1202, appendix A.1; PHE "Technical Guide: Confidence Intervals".</para>
/// <para>Rates: with expected count E = target × n / multiplier, the limits are the exact Poisson limits of E,
/// χ²(α/2; 2E)/2 and χ²(1 − α/2; 2E + 2)/2, divided by n.
/// Proportions: the exact binomial quantile r_P of Bin(n, θ) interpolated as (r_P − a)/n with
/// a = (F(r_P) − P) / (F(r_P) − F(r_P − 1)), P = 0.001, 0.025, 0.975, 0.999, truncated at 0.</para>
/// <para>Worked number: a target rate of 500 per 100,000 and a population of 10,000 (E = 50) give 95% limits of
/// 371.1 to 659.2 per 100,000.</para>
/// </remarks>
public static class FunnelPlot
{
    /// <summary>Funnel limits for rates at <paramref name="denominator"/>.</summary>
    /// <param name="targetRate">The target rate per <paramref name="multiplier"/>.</param>
    /// <param name="denominator">Population, &gt; 0.</param>
    /// <param name="multiplier">Per how many, 100,000 by default.</param>
    /// <returns>The limits per multiplier.</returns>
    public static FunnelLimits RateLimits(double targetRate, double denominator, double multiplier = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var expected = targetRate * denominator / multiplier;
        var scale = multiplier / denominator;
        return new FunnelLimits(
            denominator,
            targetRate,
            PoissonLimits.ExactLower(expected, 0.95) * scale,
            PoissonLimits.ExactUpper(expected, 0.95) * scale,
            PoissonLimits.ExactLower(expected, 0.998) * scale,
            PoissonLimits.ExactUpper(expected, 0.998) * scale);
    }

    /// <summary>Funnel limits for proportions at <paramref name="denominator"/>.</summary>
    /// <param name="targetProportion">The target as a fraction between 0 and 1.</param>
    /// <param name="denominator">Number in the group, &gt; 0.</param>
    /// <param name="multiplier">100 for percentages (default), 1 for fractions.</param>
    /// <returns>The limits on the multiplier's scale.</returns>
    public static FunnelLimits ProportionLimits(double targetProportion, long denominator, double multiplier = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetProportion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetProportion, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        double Limit(double probability) => BinomialInterpolatedQuantile(probability, denominator, targetProportion) / denominator * multiplier;
        return new FunnelLimits(
            denominator, targetProportion * multiplier, Limit(0.025), Limit(0.975), Limit(0.001), Limit(0.999));
    }

    /// <summary>The position of <paramref name="value"/> against <paramref name="limits"/>; values on a limit are within it.</summary>
    /// <param name="value">The area's value on the limits' scale; null gives <see cref="FunnelPosition.NotCompared"/>.</param>
    /// <param name="limits">The limits at the area's denominator.</param>
    /// <returns>The position.</returns>
    public static FunnelPosition Position(double? value, FunnelLimits limits)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return FunnelPosition.NotCompared;
        }

        if (v > limits.Upper998)
        {
            return FunnelPosition.High998;
        }

        if (v > limits.Upper95)
        {
            return FunnelPosition.High95;
        }

        if (v < limits.Lower998)
        {
            return FunnelPosition.Low998;
        }

        return v < limits.Lower95 ? FunnelPosition.Low95 : FunnelPosition.WithinLimits;
    }

    /// <summary>The label used in reports, e.g. "High (99.8%)".</summary>
    /// <param name="position">The position.</param>
    /// <returns>The label.</returns>
    public static string ToLabel(this FunnelPosition position) => position switch
    {
        FunnelPosition.High998 => "High (99.8%)",
        FunnelPosition.High95 => "High (95%)",
        FunnelPosition.WithinLimits => "Within limits",
        FunnelPosition.Low95 => "Low (95%)",
        FunnelPosition.Low998 => "Low (99.8%)",
        _ => "Not compared",
    };

    /// <summary>
    /// Spiegelhalter's interpolated binomial quantile: r_P − (F(r_P) − P)/(F(r_P) − F(r_P − 1)), on the count scale.
    /// </summary>
    /// <param name="probability">P, between 0 and 1.</param>
    /// <param name="n">Number of trials.</param>
    /// <param name="theta">Probability of success.</param>
    /// <returns>The interpolated quantile.</returns>
    internal static double BinomialInterpolatedQuantile(double probability, long n, double theta)
    {
        if (theta <= 0)
        {
            return 0;
        }

        if (theta >= 1)
        {
            return n;
        }

        // Start from the normal approximation and step to the smallest r with F(r) ≥ P.
        var mean = n * theta;
        var sd = Math.Sqrt(n * theta * (1 - theta));
        var r = (long)Math.Clamp(Math.Floor(mean + (Distributions.NormalQuantile(probability) * sd)), 0, n);
        var upperTail = probability > 0.5;
        var q = 1 - probability;

        // Upper quantiles work with survival S(r) = 1 − F(r) to keep precision.
        bool Reached(long k) => upperTail
            ? Distributions.BinomialUpperTail(k, n, theta) <= q
            : Distributions.BinomialCdf(k, n, theta) >= probability;

        while (!Reached(r))
        {
            r++;
        }

        while (r > 0 && Reached(r - 1))
        {
            r--;
        }

        double a;
        if (upperTail)
        {
            var sAt = Distributions.BinomialUpperTail(r, n, theta);
            var sBefore = Distributions.BinomialUpperTail(r - 1, n, theta);
            a = (q - sAt) / (sBefore - sAt);
        }
        else
        {
            var fAt = Distributions.BinomialCdf(r, n, theta);
            var fBefore = Distributions.BinomialCdf(r - 1, n, theta);
            a = (fAt - probability) / (fAt - fBefore);
        }

        // Spiegelhalter's limits are truncated at 0: interpolation below r = 0 has no meaning.
        return Math.Clamp(r - a, 0, n);
    }
}
