using CommunitySafety.Statistics.Internals;

namespace CommunitySafety.Statistics;

/// <summary>
/// A proportion with Wilson score 95% and 99.8% limits; the numerator and denominator are kept.
/// Value and limits are null when the denominator is zero.
/// </summary>
/// <param name="Numerator">Number with the characteristic.</param>
/// <param name="Denominator">Number in the group.</param>
/// <param name="Multiplier">1 for a fraction, 100 for a percentage.</param>
/// <param name="Value">Numerator / denominator × multiplier.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Lower998">Lower 99.8% limit.</param>
/// <param name="Upper998">Upper 99.8% limit.</param>
public readonly record struct ProportionResult(
    long Numerator,
    long Denominator,
    double Multiplier,
    double? Value,
    double? Lower95,
    double? Upper95,
    double? Lower998,
    double? Upper998);

/// <summary>
/// Proportions with Wilson score confidence limits.
/// </summary>
/// <remarks>
/// <para>Source: Wilson (1927); Newcombe &amp; Altman, "Proportions and their differences", in Altman et al.,
/// Statistics with Confidence, 2nd ed. (2000), p. 46–47; PHE "Technical Guide: Confidence Intervals".
/// With r of n and p = r/n: limits = (2r + z² ∓ z√(z² + 4r(1 − p))) / (2(n + z²)).</para>
/// <para>Worked number: 81 of 263 is 30.8%, 95% limits 25.53% to 36.62%.</para>
/// </remarks>
public static class Proportion
{
    /// <summary>Wilson score limits for <paramref name="numerator"/> of <paramref name="denominator"/>, as fractions.</summary>
    /// <param name="numerator">r, 0 ≤ r ≤ n.</param>
    /// <param name="denominator">n, &gt; 0.</param>
    /// <param name="z">Two-sided normal quantile.</param>
    /// <returns>Lower and upper limits between 0 and 1.</returns>
    public static (double Lower, double Upper) WilsonLimits(double numerator, double denominator, double z)
    {
        var p = numerator / denominator;
        var z2 = z * z;
        var root = z * Math.Sqrt(z2 + (4 * numerator * (1 - p)));
        var divisor = 2 * (denominator + z2);
        var lower = ((2 * numerator) + z2 - root) / divisor;
        var upper = ((2 * numerator) + z2 + root) / divisor;
        return (numerator == 0 ? 0 : lower, numerator == denominator ? 1 : upper);
    }

    /// <summary>The proportion with its Wilson score limits.</summary>
    /// <param name="numerator">Number with the characteristic, 0 ≤ numerator ≤ denominator.</param>
    /// <param name="denominator">Number in the group, ≥ 0; zero gives nulls.</param>
    /// <param name="multiplier">1 for a fraction, 100 for a percentage.</param>
    /// <param name="zConvention">Which z is used.</param>
    /// <returns>The proportion and its limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative values or a numerator above the denominator.</exception>
    public static ProportionResult Calculate(
        long numerator, long denominator, double multiplier = 100, ZConvention zConvention = ZConvention.ExactQuantile)
    {
        if (numerator < 0)
        {
            StatisticsThrow.NegativeCount(nameof(numerator), numerator);
        }

        if (denominator < 0)
        {
            StatisticsThrow.NegativeDenominator(nameof(denominator), denominator);
        }

        if (numerator > denominator && denominator > 0)
        {
            StatisticsThrow.CountAboveDenominator(nameof(numerator), numerator, denominator);
        }

        if (denominator == 0)
        {
            return new ProportionResult(numerator, denominator, multiplier, null, null, null, null, null);
        }

        var (l95, u95) = WilsonLimits(numerator, denominator, ZValues.For95(zConvention));
        var (l998, u998) = WilsonLimits(numerator, denominator, ZValues.For998(zConvention));
        return new ProportionResult(
            numerator,
            denominator,
            multiplier,
            (double)numerator / denominator * multiplier,
            l95 * multiplier,
            u95 * multiplier,
            l998 * multiplier,
            u998 * multiplier);
    }
}
