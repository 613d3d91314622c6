namespace CommunitySafety.Statistics;

/// <summary>The ratio of a group's rate to a reference group's rate, with an exact 95% confidence interval.</summary>
/// <param name="Count">The group's events.</param>
/// <param name="Population">The group's population.</param>
/// <param name="ReferenceCount">The reference group's events.</param>
/// <param name="ReferencePopulation">The reference group's population.</param>
/// <param name="Multiplier">Rates per this many people.</param>
/// <param name="Rate">The group's rate.</param>
/// <param name="ReferenceRate">The reference group's rate.</param>
/// <param name="Ratio">Rate ÷ reference rate; null when the reference count is zero.</param>
/// <param name="Lower95">Lower 95% limit of the ratio; null when there are no events at all.</param>
/// <param name="Upper95">Upper 95% limit; null when the reference count is zero (no finite limit).</param>
/// <param name="PValue">Two-sided p-value of the exact conditional test that the two rates are equal.</param>
public sealed record RateRatioResult(
    long Count,
    double Population,
    long ReferenceCount,
    double ReferencePopulation,
    double Multiplier,
    double Rate,
    double ReferenceRate,
    double? Ratio,
    double? Lower95,
    double? Upper95,
    double PValue)
{
    /// <summary>True when the interval lies wholly above or below 1.</summary>
    public bool IsSignificant => Lower95 is { } l && (l > 1 || Upper95 is { } u && u < 1);
}

/// <summary>
/// The ratio of two Poisson rates (e.g. a disproportionality ratio: the stop-and-search rate of one ethnic group against
/// the White group's) with an exact conditional confidence interval.
/// </summary>
/// <remarks>
/// <para>Method: conditional on the total N = a + b, the group's count a is Binomial(N, π) with π = RR·n₁/(RR·n₁ + n₀)
/// (n₁, n₀ the populations); the Clopper–Pearson interval (π_L, π_U) for a of N maps to the rate ratio as
/// RR = π/(1 − π) × n₀/n₁. Source: Breslow &amp; Day, Statistical Methods in Cancer Research vol. II (1987) §2.7;
/// Ulm K., "A simple method to calculate the confidence interval of a standardized mortality ratio", Am J Epidemiol
/// 1990;131:373–375; Armitage, Berry &amp; Matthews, Statistical Methods in Medical Research, 4th ed., §5.3. The same method
/// as <see cref="PeriodChange.ForRates"/>, which computes it.</para>
/// <para>For large counts it agrees closely with the log-normal approximation RR·exp(±1.96·√(1/a + 1/b)) (Rothman,
/// Modern Epidemiology); it stays right for small counts, where that approximation does not.</para>
/// <para>Worked number: 100 events in 10,000 people against 50 in 20,000 is a ratio of 4.00; the exact 95% interval is
/// 2.82 to 5.74 (the log-normal approximation gives 2.85 to 5.62).</para>
/// </remarks>
public static class RateRatio
{
    /// <summary>The ratio of <paramref name="count"/>/<paramref name="population"/> to <paramref name="referenceCount"/>/<paramref name="referencePopulation"/>.</summary>
    /// <param name="count">The group's events, ≥ 0.</param>
    /// <param name="population">The group's population, &gt; 0.</param>
    /// <param name="referenceCount">The reference group's events, ≥ 0.</param>
    /// <param name="referencePopulation">The reference group's population, &gt; 0.</param>
    /// <param name="multiplier">Rates per this many people (1,000 by default).</param>
    /// <returns>The ratio with its exact 95% interval.</returns>
    public static RateRatioResult Calculate(long count, double population, long referenceCount, double referencePopulation, double multiplier = 1000)
    {
        var change = PeriodChange.ForRates(referenceCount, referencePopulation, count, population, Polarity.NoJudgement, multiplier);
        var any = count + referenceCount > 0;
        return new RateRatioResult(
            count,
            population,
            referenceCount,
            referencePopulation,
            multiplier,
            change.LaterRate,
            change.EarlierRate,
            change.RateRatio,
            any ? change.RateRatioLower95 : null,
            referenceCount > 0 ? change.RateRatioUpper95 : null,
            change.PValue);
    }
}
