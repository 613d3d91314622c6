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

/// <summary>How funnel limits for proportions are found.</summary>
public enum ProportionFunnelMethod
{
    /// <summary>Spiegelhalter's interpolated quantiles of Bin(n, θ₀); needs a whole denominator.</summary>
    ExactBinomial = 0,

    /// <summary>
    /// PHE's "Wilson inversion" (PHEindicatormethods' funnel significance, Fingertips): the proportions whose Wilson
    /// score interval just reaches the target, which is θ₀ ± z√(θ₀(1 − θ₀)/n); accepts non-whole denominators.
    /// </summary>
    WilsonInversion = 1,
}

/// <summary>
/// Funnel plot control limits around a target (Spiegelhalter 2005) and each area's position.
/// </summary>
/// <remarks>
/// <para>Source: Spiegelhalter DJ, "Funnel plots for comparing institutional performance", Statistics in Medicine
/// 2005;24:1185–1202, appendix A.1; PHE "Technical Guide: Confidence Intervals"; PHE Fingertips technical guidance
/// (funnel plots).</para>
/// <para>The limits are the spread of the values an area would show by chance if its true value were the target.
/// Rates: with expected count E = target × n / multiplier, the P-quantile r_P of Poisson(E) (the smallest r with
/// F(r) ≥ P), interpolated as r_P − a with a = (F(r_P) − P) / (F(r_P) − F(r_P − 1)), divided by n (× multiplier);
/// P = 0.001, 0.025 (and, on the upper tail P(X ≥ r), 0.025, 0.001; or Φ(−z) for another z), truncated at 0. Indirectly standardised ratios are rates
/// with the expected count as denominator and a target of 1 (or 100): see <see cref="RatioLimits"/>.
/// Proportions: the same interpolated quantile of Bin(n, θ₀) divided by n, or (option) PHE's Wilson inversion,
/// θ₀ ± z√(θ₀(1 − θ₀)/n), kept within 0 and 1.</para>
/// <para>Worked numbers: 2.5 events expected: the lower 99.8% limit is 0 (P(X = 0) = 0.082 &gt; 0.001), so 0 events is
/// within limits; 106.7 expected: the upper 99.8% limit is 140.5 events, so 141 (P(X ≥ 141) = 0.00087) is
/// "High (99.8%)". A target rate of 500 per 100,000 and a population of 10,000 (E = 50) give 95% limits of 361.2 to
/// 648.3 per 100,000.</para>
/// <para>Convention: lower limits interpolate the lower tail P(X ≤ r), upper limits the upper tail P(X ≥ r), so that
/// an area whose true value is the target falls beyond either limit with probability at most the tail probability
/// (Manktelow &amp; Seaton, BMC Med Res Methodol 2012;12:98). The limits pass through PHEindicatormethods' published
/// funnel points on both sides: O events lie on the lower limit where P(X ≤ O) is the tail probability and on the
/// upper limit where P(X ≥ O) is.</para>
/// </remarks>
public static class FunnelPlot
{
    /// <summary>Funnel limits for rates at <paramref name="denominator"/>: Poisson(E) quantiles around the target.</summary>
    /// <param name="targetRate">The target rate per <paramref name="multiplier"/>.</param>
    /// <param name="denominator">Population (need not be whole), &gt; 0.</param>
    /// <param name="multiplier">Per how many, 100,000 by default.</param>
    /// <param name="zConvention">Which z gives the 95% and 99.8% probabilities (exact: P = 0.025 and 0.001).</param>
    /// <returns>The limits per multiplier.</returns>
    public static FunnelLimits RateLimits(double targetRate, double denominator, double multiplier = 100_000, ZConvention zConvention = ZConvention.ExactQuantile) =>
        RateLimitsForZ(targetRate, denominator, multiplier, ZValues.For95(zConvention), ZValues.For998(zConvention));

    /// <summary>Funnel limits for rates with the normal quantiles given as numbers (e.g. 1.96 and 3.090232).</summary>
    /// <param name="targetRate">The target rate per <paramref name="multiplier"/>.</param>
    /// <param name="denominator">Population, &gt; 0.</param>
    /// <param name="multiplier">Per how many.</param>
    /// <param name="z95">z of the inner limits; the tail probability is Φ(−z).</param>
    /// <param name="z998">z of the outer limits.</param>
    /// <returns>The limits per multiplier.</returns>
    public static FunnelLimits RateLimitsForZ(double targetRate, double denominator, double multiplier, double z95, double z998)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z95);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z998);
        var expected = targetRate * denominator / multiplier;
        var scale = multiplier / denominator;
        double Limit(double z, bool upper) => PoissonInterpolatedQuantile(Tail(z), expected, upper) * scale;
        return new FunnelLimits(
            denominator, targetRate, Limit(z95, false), Limit(z95, true), Limit(z998, false), Limit(z998, true));
    }

    /// <summary>
    /// Funnel limits for an indirectly standardised ratio (observed / expected × <paramref name="multiplier"/>)
    /// around a target ratio of 1 × multiplier: the rate limits with the expected count as the denominator.
    /// </summary>
    /// <param name="expected">The area's expected count, &gt; 0.</param>
    /// <param name="multiplier">100 for ratios as percentages (default), 1 for plain ratios.</param>
    /// <param name="zConvention">Which z gives the 95% and 99.8% probabilities.</param>
    /// <returns>The limits on the ratio's scale.</returns>
    public static FunnelLimits RatioLimits(double expected, double multiplier = 100, ZConvention zConvention = ZConvention.ExactQuantile) =>
        RateLimits(multiplier, expected, multiplier, zConvention);

    /// <summary>Funnel limits for proportions at a whole <paramref name="denominator"/> (exact binomial).</summary>
    /// <param name="targetProportion">The target as a fraction between 0 and 1.</param>
    /// <param name="denominator">Number in the group, &gt; 0.</param>
    /// <param name="multiplier">100 for percentages (default), 1 for fractions.</param>
    /// <returns>The limits on the multiplier's scale.</returns>
    public static FunnelLimits ProportionLimits(double targetProportion, long denominator, double multiplier = 100) =>
        ProportionLimits(targetProportion, (double)denominator, multiplier, ProportionFunnelMethod.ExactBinomial);

    /// <summary>Funnel limits for proportions at <paramref name="denominator"/> by <paramref name="method"/>.</summary>
    /// <param name="targetProportion">The target as a fraction between 0 and 1.</param>
    /// <param name="denominator">Number in the group, &gt; 0; whole for <see cref="ProportionFunnelMethod.ExactBinomial"/>.</param>
    /// <param name="multiplier">100 for percentages, 1 for fractions.</param>
    /// <param name="method">Exact binomial quantiles or PHE's Wilson inversion.</param>
    /// <param name="zConvention">Which z gives the 95% and 99.8% limits.</param>
    /// <returns>The limits on the multiplier's scale.</returns>
    /// <exception cref="ArgumentException">A non-whole denominator with the exact binomial method, which is defined only for whole numbers of trials.</exception>
    public static FunnelLimits ProportionLimits(
        double targetProportion, double denominator, double multiplier, ProportionFunnelMethod method, ZConvention zConvention = ZConvention.ExactQuantile) =>
        ProportionLimitsForZ(targetProportion, denominator, multiplier, method, ZValues.For95(zConvention), ZValues.For998(zConvention));

    /// <summary>Funnel limits for proportions with the normal quantiles given as numbers.</summary>
    /// <param name="targetProportion">The target as a fraction between 0 and 1.</param>
    /// <param name="denominator">Number in the group, &gt; 0; whole for <see cref="ProportionFunnelMethod.ExactBinomial"/>.</param>
    /// <param name="multiplier">100 for percentages, 1 for fractions.</param>
    /// <param name="method">Exact binomial quantiles or PHE's Wilson inversion.</param>
    /// <param name="z95">z of the inner limits.</param>
    /// <param name="z998">z of the outer limits.</param>
    /// <returns>The limits on the multiplier's scale.</returns>
    public static FunnelLimits ProportionLimitsForZ(
        double targetProportion, double denominator, double multiplier, ProportionFunnelMethod method, double z95, double z998)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetProportion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetProportion, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z95);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z998);
        if (method == ProportionFunnelMethod.WilsonInversion)
        {
            var sd = Math.Sqrt(targetProportion * (1 - targetProportion) / denominator);
            double Bound(double offset) => Math.Clamp(targetProportion + offset, 0, 1) * multiplier;
            return new FunnelLimits(
                denominator, targetProportion * multiplier, Bound(-z95 * sd), Bound(z95 * sd), Bound(-z998 * sd), Bound(z998 * sd));
        }

        if (denominator != Math.Floor(denominator) || denominator > long.MaxValue)
        {
            throw new ArgumentException(
                $"Exact binomial funnel limits need a whole number in the group ({denominator} is not); use the Wilson inversion for modelled or standardised denominators.",
                nameof(denominator));
        }

        var n = (long)denominator;
        double Limit(double z, bool upper) => BinomialInterpolatedQuantile(upper ? 1 - Tail(z) : Tail(z), n, targetProportion) / n * multiplier;
        return new FunnelLimits(
            denominator, targetProportion * multiplier, Limit(z95, false), Limit(z95, true), Limit(z998, false), Limit(z998, true));
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
    /// Spiegelhalter's interpolated Poisson limit around the mean <paramref name="expected"/>, on the count scale.
    /// Lower: r_P − (F(r_P) − P)/(F(r_P) − F(r_P − 1)) with r_P the smallest r with F(r) ≥ P, truncated at 0. Upper,
    /// the same on the upper tail G(r) = P(X ≥ r): r_U − (q − G(r_U))/(G(r_U − 1) − G(r_U)) with r_U the smallest r
    /// with G(r) ≤ q, so that an area in control is beyond either limit with probability at most the tail.
    /// </summary>
    /// <param name="tail">The tail probability beyond the limit (e.g. 0.025).</param>
    /// <param name="expected">The Poisson mean E.</param>
    /// <param name="upper">True for the upper limit (P = 1 − tail), false for the lower (P = tail).</param>
    /// <returns>The interpolated quantile.</returns>
    internal static double PoissonInterpolatedQuantile(double tail, double expected, bool upper)
    {
        if (expected <= 0)
        {
            return 0;
        }

        // Start from the normal approximation and step to the smallest r with F(r) ≥ P.
        var start = expected + ((upper ? -1 : 1) * Distributions.NormalQuantile(tail) * Math.Sqrt(expected));
        var r = (long)Math.Max(0, Math.Floor(start));

        // Spiegelhalter's limits are truncated at 0: interpolation below r = 0 has no meaning.
        return Math.Max(0, InterpolatedLimit(tail, upper, r, k => Distributions.PoissonCdf(k, expected), k => Distributions.PoissonUpperTail(k, expected)));
    }

    // The one-sided tail probability beyond ±z: Φ(−z).
    private static double Tail(double z) => Distributions.NormalUpperTail(z);

    /// <summary>
    /// Spiegelhalter's interpolated binomial limit on the count scale: for P &lt; 0.5, r_P − (F(r_P) − P)/(F(r_P) −
    /// F(r_P − 1)); for P &gt; 0.5 the same on the upper tail G(r) = P(X ≥ r) with q = 1 − P (see
    /// <see cref="PoissonInterpolatedQuantile"/>).
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

        // Truncated at 0 and n: interpolation beyond them has no meaning.
        return Math.Clamp(
            InterpolatedLimit(
                upperTail ? 1 - probability : probability, upperTail, r, k => Distributions.BinomialCdf(k, n, theta), k => Distributions.BinomialUpperTail(k, n, theta)),
            0,
            n);
    }

    /// <summary>
    /// Spiegelhalter's interpolated limit of a discrete distribution on the count scale, from its distribution function
    /// <paramref name="cdf"/> F(k) = P(X ≤ k) and its survival <paramref name="survival"/> S(k) = P(X &gt; k) (upper
    /// quantiles work with S to keep precision). Lower: r − (F(r) − q)/(F(r) − F(r − 1)) with r the smallest k with
    /// F(k) ≥ q. Upper: with r the smallest k with S(k) ≤ q, r + 1 is the smallest k with G(k) = P(X ≥ k) ≤ q, and
    /// the limit interpolates G between r and r + 1: r + 1 − (q − S(r))/(S(r − 1) − S(r)). Not truncated.
    /// </summary>
    /// <param name="tail">q, the tail probability beyond the limit.</param>
    /// <param name="upper">True for the upper limit.</param>
    /// <param name="start">Where the search starts (the normal approximation), ≥ 0.</param>
    /// <param name="cdf">F(k).</param>
    /// <param name="survival">S(k).</param>
    /// <returns>The interpolated limit.</returns>
    private static double InterpolatedLimit(double tail, bool upper, long start, Func<long, double> cdf, Func<long, double> survival)
    {
        bool Reached(long k) => upper ? survival(k) <= tail : cdf(k) >= tail;
        var r = start;
        while (!Reached(r))
        {
            r++;
        }

        while (r > 0 && Reached(r - 1))
        {
            r--;
        }

        if (upper)
        {
            var gAt = survival(r);
            var gBefore = survival(r - 1);
            return r + 1 - ((tail - gAt) / (gBefore - gAt));
        }

        var fAt = cdf(r);
        var fBefore = cdf(r - 1);
        return r - ((fAt - tail) / (fAt - fBefore));
    }
}
