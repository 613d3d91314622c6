using CommunitySafety.Statistics.Internals;

namespace CommunitySafety.Statistics;

/// <summary>How funnel limits allow for variation between areas beyond chance (overdispersion).</summary>
public enum OverdispersionMethod
{
    /// <summary>No allowance: the exact funnel limits around the target (<see cref="FunnelPlot"/>).</summary>
    None = 0,

    /// <summary>The within-area variance multiplied by φ: target ± z·√(φ·V₀).</summary>
    Multiplicative = 1,

    /// <summary>A between-area variance τ² added to the within-area variance: target ± z·√(s² + τ²).</summary>
    AdditiveRandomEffects = 2,
}

/// <summary>Names of <see cref="OverdispersionMethod"/>.</summary>
public static class OverdispersionMethodExtensions
{
    /// <summary>The short name used in tables and JSON: "none", "multiplicative" or "additive random effects".</summary>
    /// <param name="method">The method.</param>
    /// <returns>The name.</returns>
    public static string ToName(this OverdispersionMethod method) => method switch
    {
        OverdispersionMethod.Multiplicative => "multiplicative",
        OverdispersionMethod.AdditiveRandomEffects => "additive random effects",
        _ => "none",
    };
}

/// <summary>What a funnel compares: rates of events in a population, or proportions of a group.</summary>
public enum FunnelMeasure
{
    /// <summary>Counts of events against a Poisson expectation (crude rates, indirectly standardised ratios).</summary>
    Rate = 0,

    /// <summary>Numerators out of denominators against a binomial expectation.</summary>
    Proportion = 1,
}

/// <summary>One area on a funnel: its observed count (or numerator) and denominator (population, or group size).</summary>
/// <param name="Observed">Events (rates) or numerator (proportions), ≥ 0; need not be whole.</param>
/// <param name="Denominator">Population or group size, &gt; 0 for the area to be used.</param>
public readonly record struct FunnelUnit(double Observed, double Denominator);

/// <summary>
/// The overdispersion of a set of areas around a target: the estimated multiplicative factor φ, its test, and the
/// additive between-area variance τ² (Spiegelhalter 2005).
/// </summary>
/// <param name="Measure">Rates or proportions, which fixes the scale of the z-scores (see <see cref="Overdispersion"/>).</param>
/// <param name="Target">The target on the values' scale (a rate per <paramref name="Multiplier"/>, or a proportion × multiplier).</param>
/// <param name="Multiplier">Per how many the values are expressed (100,000, 1,000, or 100 for percentages).</param>
/// <param name="Units">I, the number of areas used (those with a positive denominator and expectation).</param>
/// <param name="WinsoriseFraction">The fraction of z-scores winsorised at each tail (0.1 = 10%).</param>
/// <param name="Phi">φ̂ = Σ z̃ᵢ² / I from the winsorised z-scores z̃; NaN with fewer than <see cref="Overdispersion.MinimumUnits"/> areas.</param>
/// <param name="TestStatistic">I·φ̂, which is χ² on I − 1 degrees of freedom when there is no overdispersion.</param>
/// <param name="DegreesOfFreedom">I − 1.</param>
/// <param name="PValue">P(χ²(I − 1) ≥ I·φ̂).</param>
/// <param name="Significance">The level the test is judged at (0.05 by default).</param>
/// <param name="Tau2">τ̂² = (I·φ̂ − (I − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ), floored at 0, on the z-scores' scale.</param>
/// <param name="ProportionMethod">For proportions, how the unadjusted (exact) limits are found.</param>
public sealed record OverdispersionEstimate(
    FunnelMeasure Measure,
    double Target,
    double Multiplier,
    int Units,
    double WinsoriseFraction,
    double Phi,
    double TestStatistic,
    int DegreesOfFreedom,
    double PValue,
    double Significance,
    double Tau2,
    ProportionFunnelMethod ProportionMethod = ProportionFunnelMethod.ExactBinomial)
{
    /// <summary>Whether φ and τ² could be estimated (at least <see cref="Overdispersion.MinimumUnits"/> areas).</summary>
    public bool IsEstimated => Units >= Overdispersion.MinimumUnits && !double.IsNaN(Phi);

    /// <summary>Whether the test finds overdispersion: p-value below <see cref="Significance"/>.</summary>
    public bool Found => IsEstimated && PValue < Significance;

    /// <summary>
    /// Funnel limits at <paramref name="denominator"/> under <paramref name="method"/>, on the values' scale. When
    /// the method is <see cref="OverdispersionMethod.None"/> or no overdispersion is found, the exact limits of
    /// <see cref="FunnelPlot"/> are returned.
    /// </summary>
    /// <param name="method">The adjustment requested.</param>
    /// <param name="denominator">The area's population or group size, &gt; 0.</param>
    /// <param name="zConvention">Which z gives the 95% and 99.8% limits.</param>
    /// <returns>The limits.</returns>
    public FunnelLimits Limits(OverdispersionMethod method, double denominator, ZConvention zConvention = ZConvention.ExactQuantile) =>
        Overdispersion.Limits(this, method, denominator, zConvention);

    /// <summary>One area against the target, adjusted under <paramref name="method"/> and unadjusted.</summary>
    /// <param name="method">The adjustment requested.</param>
    /// <param name="observed">The area's count or numerator; null when it has none (not compared).</param>
    /// <param name="denominator">The area's population or group size; null or 0 when it has none (not compared).</param>
    /// <param name="zConvention">Which z gives the 95% and 99.8% limits.</param>
    /// <returns>The comparison, with the method, φ and τ² it used and the unadjusted result alongside.</returns>
    public OverdispersedComparison Compare(
        OverdispersionMethod method, double? observed, double? denominator, ZConvention zConvention = ZConvention.ExactQuantile) =>
        Overdispersion.Compare(this, method, observed, denominator, zConvention);

    /// <summary>A plain-English statement of the estimate, e.g. "overdispersion found: φ = 2.31 (χ² = 34.6 on 14 df, p = 0.0017), τ = 0.052".</summary>
    /// <returns>The statement.</returns>
    public string Describe()
    {
        if (!IsEstimated)
        {
            return $"overdispersion not estimated: {Units} area(s) with a denominator, at least {Overdispersion.MinimumUnits} needed";
        }

        var verdict = Found ? "overdispersion found" : "no overdispersion found";
        var p = PValue < 0.0001 ? "p < 0.0001" : FormattableString.Invariant($"p = {PValue:0.####}");
        return FormattableString.Invariant(
            $"{verdict}: φ = {Phi:0.###} (χ² = {TestStatistic:0.##} on {DegreesOfFreedom} df, {p}), τ = {Math.Sqrt(Tau2):0.#####} on the {Overdispersion.ScaleName(Measure)}, {WinsoriseFraction:0.#%} winsorised at each tail");
    }
}

/// <summary>One area compared with the target, with and without an allowance for overdispersion.</summary>
/// <param name="Requested">The method asked for.</param>
/// <param name="Applied">The method used: <see cref="OverdispersionMethod.None"/> when none was asked for or no overdispersion was found.</param>
/// <param name="MethodName">The method in words, e.g. "Additive random effects (Spiegelhalter 2005), τ = 0.052".</param>
/// <param name="Phi">φ̂ (NaN when not estimated).</param>
/// <param name="Tau2">τ̂² on the z-scores' scale.</param>
/// <param name="OverdispersionFound">Whether the test found overdispersion.</param>
/// <param name="Value">The area's value on the target's scale; null when not compared.</param>
/// <param name="ZScore">The area's z-score under the applied method (on the scale of <see cref="Overdispersion"/>); null when not compared.</param>
/// <param name="Limits">The limits used.</param>
/// <param name="Position">The area's position against <paramref name="Limits"/>.</param>
/// <param name="UnadjustedLimits">The exact funnel limits with no allowance.</param>
/// <param name="UnadjustedPosition">The position against them.</param>
public sealed record OverdispersedComparison(
    OverdispersionMethod Requested,
    OverdispersionMethod Applied,
    string MethodName,
    double Phi,
    double Tau2,
    bool OverdispersionFound,
    double? Value,
    double? ZScore,
    FunnelLimits Limits,
    FunnelPosition Position,
    FunnelLimits UnadjustedLimits,
    FunnelPosition UnadjustedPosition);

/// <summary>
/// Overdispersion of performance indicators around a target: the multiplicative and additive random-effects
/// allowances of Spiegelhalter, estimated from winsorised z-scores.
/// </summary>
/// <remarks>
/// <para>Sources: Spiegelhalter DJ, "Funnel plots for comparing institutional performance", Statistics in Medicine
/// 2005;24:1185–1202, section 6; Spiegelhalter DJ, "Handling over-dispersion of performance indicators", Quality and
/// Safety in Health Care 2005;14:347–351; Spiegelhalter DJ et al., "Statistical methods for healthcare regulation:
/// rating, screening and surveillance", J R Stat Soc A 2012;175:1–47, table 1 (scales of the z-scores).</para>
/// <para>z-scores. Rates (counts Oᵢ against a Poisson expectation Eᵢ = target × nᵢ / multiplier) are put on the
/// square-root scale, where the variance no longer depends on the level: yᵢ = √(Oᵢ/Eᵢ), target 1, sᵢ = 1/(2√Eᵢ),
/// so zᵢ = 2(√Oᵢ − √Eᵢ) (Spiegelhalter 2005 and 2012 recommend the square-root transform for counts and ratios; it is
/// the Care Quality Commission's choice too). Proportions stay on their own scale: yᵢ = Oᵢ/nᵢ, target θ₀,
/// sᵢ² = θ₀(1 − θ₀)/nᵢ, zᵢ = (yᵢ − θ₀)/sᵢ.</para>
/// <para>Estimate. The z-scores are winsorised: those below the f-th percentile are set to it and those above the
/// (1 − f)-th to that (f = 0.1 by default; percentiles by <see cref="Percentiles.OfSorted"/>, Hyndman &amp; Fan
/// definition 7). φ̂ = Σz̃ᵢ²/I. With no overdispersion I·φ̂ ~ χ²(I − 1). The additive between-area variance, a
/// DerSimonian–Laird moment estimate, is τ̂² = (I·φ̂ − (I − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ), wᵢ = 1/sᵢ², set to 0 when
/// I·φ̂ &lt; I − 1.</para>
/// <para>Limits, on the z-scores' scale then back on the values' scale: multiplicative target ± z·√φ̂·sᵢ, additive
/// target ± z·√(sᵢ² + τ̂²). For rates, the √-scale limits 1 ± h become target × (1 ± h)² (the lower limit 0 when
/// h ≥ 1); for proportions target ± h, kept within 0 and 1. The allowance is applied only when the test finds
/// overdispersion at the chosen significance (5% by default); otherwise the exact limits of <see cref="FunnelPlot"/>
/// are used and the method is reported as none.</para>
/// <para>Worked number (in the tests): eleven areas with 30, 45, 60, 52, 80, 20, 75, 40, 110, 35, 58 events in
/// populations of 1,000, 800, 1,200, 1,000, 1,500, 600, 1,000, 900, 1,600, 1,100, 1,000 against a target of 50 per
/// 1,000: φ̂ = 3.98873, I·φ̂ = 43.876 on 10 df (p = 3.46 × 10⁻⁶), τ̂² = 0.0160310; 110 events in 1,600 is
/// "High (99.8%)" against the exact limits and "Within limits" with the additive allowance.</para>
/// </remarks>
public static class Overdispersion
{
    /// <summary>The fewest areas with which φ is estimated.</summary>
    public const int MinimumUnits = 2;

    /// <summary>The default fraction winsorised at each tail (10%).</summary>
    public const double DefaultWinsoriseFraction = 0.1;

    /// <summary>The default significance of the overdispersion test (5%).</summary>
    public const double DefaultSignificance = 0.05;

    /// <summary>
    /// Estimates φ, its χ² test and τ² from the areas' z-scores around <paramref name="target"/>. Areas with no
    /// denominator (or, for rates, a zero expectation) are left out.
    /// </summary>
    /// <param name="units">The areas.</param>
    /// <param name="target">The target on the values' scale: a rate per <paramref name="multiplier"/>, or a proportion × multiplier.</param>
    /// <param name="measure">Rates or proportions.</param>
    /// <param name="multiplier">Per how many the target is expressed (e.g. 1,000 for a rate per 1,000, 100 for a percentage).</param>
    /// <param name="winsoriseFraction">The fraction winsorised at each tail, 0 ≤ f &lt; 0.5.</param>
    /// <param name="significance">The level at which overdispersion is judged found, between 0 and 1.</param>
    /// <param name="proportionMethod">For proportions, how the unadjusted limits are found (exact binomial needs whole denominators).</param>
    /// <returns>The estimate.</returns>
    public static OverdispersionEstimate Estimate(
        IReadOnlyList<FunnelUnit> units,
        double target,
        FunnelMeasure measure,
        double multiplier,
        double winsoriseFraction = DefaultWinsoriseFraction,
        double significance = DefaultSignificance,
        ProportionFunnelMethod proportionMethod = ProportionFunnelMethod.ExactBinomial)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        ArgumentOutOfRangeException.ThrowIfNegative(winsoriseFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(winsoriseFraction, 0.5);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(significance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significance, 1);
        if (measure == FunnelMeasure.Proportion && target > multiplier)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A proportion's target cannot exceed the multiplier (100%).");
        }

        var z = new List<double>(units.Count);
        double sumW = 0, sumW2 = 0;
        foreach (var unit in units)
        {
            if (unit.Observed < 0 || double.IsNaN(unit.Observed))
            {
                StatisticsThrow.NegativeCount(nameof(units), unit.Observed);
            }

            if (!(unit.Denominator > 0) || double.IsInfinity(unit.Denominator))
            {
                continue;
            }

            if (measure == FunnelMeasure.Proportion && unit.Observed > unit.Denominator)
            {
                StatisticsThrow.CountAboveDenominator(nameof(units), unit.Observed, unit.Denominator);
            }

            if (!(WithinVariance(measure, target, multiplier, unit.Denominator) is var s2 && s2 > 0 && double.IsFinite(s2)))
            {
                continue;
            }

            z.Add(ZScore(measure, target, multiplier, unit.Observed, unit.Denominator, 1, 0));
            var w = 1 / s2;
            sumW += w;
            sumW2 += w * w;
        }

        var count = z.Count;
        if (count < MinimumUnits)
        {
            return new OverdispersionEstimate(
                measure, target, multiplier, count, winsoriseFraction, double.NaN, double.NaN, Math.Max(count - 1, 0), double.NaN, significance, 0, proportionMethod);
        }

        var sorted = z.ToArray();
        Array.Sort(sorted);
        var low = Percentiles.OfSorted(sorted, winsoriseFraction);
        var high = Percentiles.OfSorted(sorted, 1 - winsoriseFraction);
        double sumZ2 = 0;
        foreach (var value in sorted)
        {
            var w = Math.Clamp(value, low, high);
            sumZ2 += w * w;
        }

        var phi = sumZ2 / count;
        var statistic = count * phi;
        var df = count - 1;
        var p = Distributions.ChiSquaredUpperTail(statistic, df);
        var tau2 = Math.Max(0, (statistic - df) / (sumW - (sumW2 / sumW)));
        return new OverdispersionEstimate(measure, target, multiplier, count, winsoriseFraction, phi, statistic, df, p, significance, tau2, proportionMethod);
    }

    /// <summary>
    /// Funnel limits at <paramref name="denominator"/> under <paramref name="method"/>; the exact limits of
    /// <see cref="FunnelPlot"/> when the method is none or no overdispersion was found.
    /// </summary>
    /// <param name="estimate">The areas' overdispersion.</param>
    /// <param name="method">The adjustment requested.</param>
    /// <param name="denominator">Population or group size, &gt; 0.</param>
    /// <param name="zConvention">Which z gives the 95% and 99.8% limits.</param>
    /// <returns>The limits on the values' scale.</returns>
    public static FunnelLimits Limits(
        OverdispersionEstimate estimate, OverdispersionMethod method, double denominator, ZConvention zConvention = ZConvention.ExactQuantile) =>
        LimitsForZ(estimate, method, denominator, ZQuantiles.For(zConvention));

    /// <summary>As <see cref="Limits"/>, with the normal quantiles given as numbers (e.g. 1.96 and 3.090232).</summary>
    /// <param name="estimate">The areas' overdispersion.</param>
    /// <param name="method">The adjustment requested.</param>
    /// <param name="denominator">Population or group size, &gt; 0.</param>
    /// <param name="z">The z of the inner and outer limits.</param>
    /// <returns>The limits on the values' scale.</returns>
    public static FunnelLimits LimitsForZ(OverdispersionEstimate estimate, OverdispersionMethod method, double denominator, ZQuantiles z)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var applied = Applied(estimate, method);
        if (applied == OverdispersionMethod.None)
        {
            return Unadjusted(estimate, denominator, z);
        }

        var (phi, tau2) = Inflation(estimate, applied);
        var s2 = WithinVariance(estimate.Measure, estimate.Target, estimate.Multiplier, denominator);
        var sd = Math.Sqrt((phi * s2) + tau2);
        double Bound(double offset) => Back(estimate, offset * sd);
        return new FunnelLimits(denominator, estimate.Target, Bound(-z.Z95), Bound(z.Z95), Bound(-z.Z998), Bound(z.Z998));
    }

    /// <summary>One area against the target, adjusted under <paramref name="method"/> and unadjusted.</summary>
    /// <param name="estimate">The areas' overdispersion.</param>
    /// <param name="method">The adjustment requested.</param>
    /// <param name="observed">The area's count or numerator; null gives "Not compared".</param>
    /// <param name="denominator">The area's population or group size; null or 0 gives "Not compared".</param>
    /// <param name="zConvention">Which z gives the 95% and 99.8% limits.</param>
    /// <returns>The comparison.</returns>
    public static OverdispersedComparison Compare(
        OverdispersionEstimate estimate, OverdispersionMethod method, double? observed, double? denominator, ZConvention zConvention = ZConvention.ExactQuantile) =>
        CompareForZ(estimate, method, observed, denominator, ZQuantiles.For(zConvention));

    /// <summary>As <see cref="Compare"/>, with the normal quantiles given as numbers (e.g. 1.96 and 3.090232).</summary>
    /// <param name="estimate">The areas' overdispersion.</param>
    /// <param name="method">The adjustment requested.</param>
    /// <param name="observed">The area's count or numerator; null gives "Not compared".</param>
    /// <param name="denominator">The area's population or group size; null or 0 gives "Not compared".</param>
    /// <param name="zQuantiles">The z of the inner and outer limits.</param>
    /// <returns>The comparison.</returns>
    public static OverdispersedComparison CompareForZ(
        OverdispersionEstimate estimate, OverdispersionMethod method, double? observed, double? denominator, ZQuantiles zQuantiles)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var applied = Applied(estimate, method);
        var name = MethodName(estimate, method);
        if (observed is not { } o || double.IsNaN(o) || denominator is not { } n || !(n > 0) || double.IsInfinity(n))
        {
            var none = new FunnelLimits(denominator ?? double.NaN, estimate.Target, double.NaN, double.NaN, double.NaN, double.NaN);
            return new OverdispersedComparison(
                method, applied, name, estimate.Phi, estimate.Tau2, estimate.Found, null, null, none, FunnelPosition.NotCompared, none, FunnelPosition.NotCompared);
        }

        if (o < 0)
        {
            StatisticsThrow.NegativeCount(nameof(observed), o);
        }

        var value = o / n * estimate.Multiplier;
        var unadjusted = Unadjusted(estimate, n, zQuantiles);
        var limits = applied == OverdispersionMethod.None ? unadjusted : LimitsForZ(estimate, method, n, zQuantiles);
        var (phi, tau2) = Inflation(estimate, applied);
        var z = ZScore(estimate.Measure, estimate.Target, estimate.Multiplier, o, n, phi, tau2);
        return new OverdispersedComparison(
            method,
            applied,
            name,
            estimate.Phi,
            estimate.Tau2,
            estimate.Found,
            value,
            double.IsFinite(z) ? z : null,
            limits,
            FunnelPlot.Position(value, limits),
            unadjusted,
            FunnelPlot.Position(value, unadjusted));
    }

    /// <summary>The method actually applied: none when none is requested, not estimated, or not found.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <param name="method">The method requested.</param>
    /// <returns>The method applied.</returns>
    public static OverdispersionMethod Applied(OverdispersionEstimate estimate, OverdispersionMethod method)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return estimate.Found ? method : OverdispersionMethod.None;
    }

    /// <summary>
    /// The method in words with its parameters, e.g. "Additive random effects (Spiegelhalter 2005): τ = 0.052 on the
    /// square-root scale; overdispersion found: φ = 2.31 …".
    /// </summary>
    /// <param name="estimate">The estimate.</param>
    /// <param name="method">The method requested.</param>
    /// <returns>The name.</returns>
    public static string MethodName(OverdispersionEstimate estimate, OverdispersionMethod method)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var applied = Applied(estimate, method);
        var name = applied switch
        {
            OverdispersionMethod.Multiplicative => FormattableString.Invariant($"Multiplicative overdispersion (Spiegelhalter 2005), limits widened by √φ = {Math.Sqrt(estimate.Phi):0.###}"),
            OverdispersionMethod.AdditiveRandomEffects => FormattableString.Invariant($"Additive random effects (Spiegelhalter 2005), τ = {Math.Sqrt(estimate.Tau2):0.#####} on the {ScaleName(estimate.Measure)}"),
            _ when method == OverdispersionMethod.None => "No allowance for overdispersion (exact limits)",
            _ => "No allowance for overdispersion (exact limits, none needed)",
        };
        return method == OverdispersionMethod.None ? name : $"{name}; {estimate.Describe()}";
    }

    /// <summary>The scale the z-scores, sᵢ and τ are on, in words.</summary>
    /// <param name="measure">Rates or proportions.</param>
    /// <returns>"square-root scale of the ratio to the target" or "proportion scale".</returns>
    public static string ScaleName(FunnelMeasure measure) =>
        measure == FunnelMeasure.Rate ? "square-root scale of the ratio to the target" : "proportion scale";

    /// <summary>
    /// The area's z-score against the target with variance φ·sᵢ² + τ²: rates 2(√O − √E)/√(φ + 4Eτ²), proportions
    /// (p − θ₀)/√(φ·θ₀(1 − θ₀)/n + τ²).
    /// </summary>
    /// <param name="measure">Rates or proportions.</param>
    /// <param name="target">The target on the values' scale.</param>
    /// <param name="multiplier">Per how many the target is expressed.</param>
    /// <param name="observed">The count or numerator.</param>
    /// <param name="denominator">The population or group size, &gt; 0.</param>
    /// <param name="phi">φ (1 for none).</param>
    /// <param name="tau2">τ² (0 for none).</param>
    /// <returns>The z-score; infinite or NaN when the target gives no variance.</returns>
    public static double ZScore(FunnelMeasure measure, double target, double multiplier, double observed, double denominator, double phi = 1, double tau2 = 0)
    {
        var s2 = WithinVariance(measure, target, multiplier, denominator);
        var sd = Math.Sqrt((phi * s2) + tau2);
        if (measure == FunnelMeasure.Rate)
        {
            var expected = target * denominator / multiplier;
            return (Math.Sqrt(observed / expected) - 1) / sd;
        }

        return ((observed / denominator) - (target / multiplier)) / sd;
    }

    // sᵢ² on the z-scores' scale: 1/(4E) for rates (square-root scale), θ₀(1 − θ₀)/n for proportions.
    private static double WithinVariance(FunnelMeasure measure, double target, double multiplier, double denominator)
    {
        if (measure == FunnelMeasure.Rate)
        {
            return multiplier / (4 * target * denominator);
        }

        var theta = target / multiplier;
        return theta * (1 - theta) / denominator;
    }

    private static (double Phi, double Tau2) Inflation(OverdispersionEstimate estimate, OverdispersionMethod applied) => applied switch
    {
        OverdispersionMethod.Multiplicative => (estimate.Phi, 0),
        OverdispersionMethod.AdditiveRandomEffects => (1, estimate.Tau2),
        _ => (1, 0),
    };

    // From the z-scores' scale (offset h from the target) back to the values' scale.
    private static double Back(OverdispersionEstimate estimate, double h)
    {
        if (estimate.Measure == FunnelMeasure.Rate)
        {
            var root = Math.Max(0, 1 + h);
            return estimate.Target * root * root;
        }

        var theta = estimate.Target / estimate.Multiplier;
        return Math.Clamp(theta + h, 0, 1) * estimate.Multiplier;
    }

    private static FunnelLimits Unadjusted(OverdispersionEstimate estimate, double denominator, ZQuantiles z) => estimate.Measure == FunnelMeasure.Rate
        ? FunnelPlot.RateLimitsForZ(estimate.Target, denominator, estimate.Multiplier, z.Z95, z.Z998)
        : FunnelPlot.ProportionLimitsForZ(estimate.Target / estimate.Multiplier, denominator, estimate.Multiplier, estimate.ProportionMethod, z.Z95, z.Z998);
}
