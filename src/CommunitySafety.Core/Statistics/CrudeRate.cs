using CommunitySafety.Statistics.Internals;

namespace CommunitySafety.Statistics;

/// <summary>Options for <see cref="CrudeRate"/>, used as <c>RateOptions.Default with { Multiplier = 1000 }</c>.</summary>
public readonly record struct RateOptions
{
    /// <summary>Rates per 100,000, <see cref="PoissonMethod.Auto"/>, exact z.</summary>
    public static RateOptions Default { get; } = new();

    /// <summary>Creates the default options.</summary>
    public RateOptions()
    {
    }

    /// <summary>The rate is per this many of the denominator, e.g. 1,000 or 100,000.</summary>
    public double Multiplier { get; init; } = 100_000;

    /// <summary>How the Poisson limits are found.</summary>
    public PoissonMethod Method { get; init; } = PoissonMethod.Auto;

    /// <summary>Which z Byar's method uses.</summary>
    public ZConvention ZConvention { get; init; } = ZConvention.ExactQuantile;
}

/// <summary>
/// A rate with its 95% and 99.8% confidence limits; the count and denominator are kept.
/// Value and limits are null when the rate cannot be calculated (no denominator).
/// </summary>
/// <param name="Count">The observed count.</param>
/// <param name="Denominator">The population (or person-time).</param>
/// <param name="Multiplier">Per how many of the denominator the rate is expressed.</param>
/// <param name="MethodUsed">The method that produced the limits.</param>
/// <param name="Value">Count / denominator × multiplier.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Lower998">Lower 99.8% limit.</param>
/// <param name="Upper998">Upper 99.8% limit.</param>
public readonly record struct RateResult(
    long Count,
    double Denominator,
    double Multiplier,
    PoissonMethod MethodUsed,
    double? Value,
    double? Lower95,
    double? Upper95,
    double? Lower998,
    double? Upper998);

/// <summary>
/// Crude rates (count / population × multiplier) with Poisson confidence limits, as PHEindicatormethods'
/// <c>phe_rate</c>: Byar's method for counts of 10 or more and exact chi-squared limits below 10.
/// </summary>
/// <remarks>
/// Source: PHE "Technical Guide: Confidence Intervals" (2018); Breslow &amp; Day (1987) for Byar's method.
/// Worked number: 173 crimes in a population of 95,000 give 182.105 per 100,000, 95% limits 155.978 to 211.356
/// (Byar's, exact z).
/// </remarks>
public static class CrudeRate
{
    /// <summary>The rate of <paramref name="count"/> per <paramref name="denominator"/> with its limits.</summary>
    /// <param name="count">Observed count, ≥ 0.</param>
    /// <param name="denominator">Population; zero or NaN gives a rate that cannot be calculated (nulls).</param>
    /// <param name="options">Multiplier, method and z convention.</param>
    /// <returns>The rate and its limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or denominator.</exception>
    public static RateResult Calculate(long count, double denominator, RateOptions options)
    {
        if (count < 0)
        {
            StatisticsThrow.NegativeCount(nameof(count), count);
        }

        if (denominator < 0)
        {
            StatisticsThrow.NegativeDenominator(nameof(denominator), denominator);
        }

        var method = PoissonLimits.Resolve(count, options.Method);
        if (!(denominator > 0) || double.IsInfinity(denominator))
        {
            return new RateResult(count, denominator, options.Multiplier, method, null, null, null, null, null);
        }

        var (l95, u95, l998, u998) = PoissonLimits.Limits(count, options.Method, options.ZConvention);
        var scale = options.Multiplier / denominator;
        return new RateResult(
            count, denominator, options.Multiplier, method, count * scale, l95 * scale, u95 * scale, l998 * scale, u998 * scale);
    }

    /// <summary>The rate per 100,000 with <see cref="PoissonMethod.Auto"/> limits and exact z.</summary>
    /// <param name="count">Observed count, ≥ 0.</param>
    /// <param name="denominator">Population.</param>
    /// <returns>The rate and its limits.</returns>
    public static RateResult Calculate(long count, double denominator) => Calculate(count, denominator, RateOptions.Default);

    /// <summary>
    /// Rates for many areas at once, written into <paramref name="results"/> without allocating.
    /// </summary>
    /// <param name="counts">Observed counts.</param>
    /// <param name="denominators">Populations, same length as <paramref name="counts"/>.</param>
    /// <param name="results">Destination, same length.</param>
    /// <param name="options">Multiplier, method and z convention.</param>
    public static void CalculateMany(
        ReadOnlySpan<long> counts, ReadOnlySpan<double> denominators, Span<RateResult> results, RateOptions options)
    {
        if (denominators.Length != counts.Length)
        {
            StatisticsThrow.LengthMismatch(nameof(denominators));
        }

        if (results.Length != counts.Length)
        {
            StatisticsThrow.LengthMismatch(nameof(results));
        }

        for (var i = 0; i < counts.Length; i++)
        {
            results[i] = Calculate(counts[i], denominators[i], options);
        }
    }
}
