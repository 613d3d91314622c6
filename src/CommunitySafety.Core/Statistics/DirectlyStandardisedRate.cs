namespace CommunitySafety.Statistics;

/// <summary>Observed count and population in one age band, for direct standardisation.</summary>
/// <param name="Count">Observed events in the band.</param>
/// <param name="Population">Population in the band.</param>
/// <param name="StandardWeight">The band's standard population (e.g. from <see cref="EuropeanStandardPopulation2013"/>).</param>
public readonly record struct AgeBandObservation(double Count, double Population, double StandardWeight);

/// <summary>
/// A directly standardised rate with Dobson 95% and 99.8% limits. When the total count is below 10 the rate is
/// not calculated: <see cref="Value"/> is null and <see cref="NotCalculatedReason"/> says why.
/// </summary>
/// <param name="TotalCount">Sum of the observed counts.</param>
/// <param name="TotalPopulation">Sum of the populations.</param>
/// <param name="Multiplier">Per how many of the standard population.</param>
/// <param name="Value">The standardised rate.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Lower998">Lower 99.8% limit.</param>
/// <param name="Upper998">Upper 99.8% limit.</param>
/// <param name="NotCalculatedReason">Why there is no value, or null.</param>
public sealed record DsrResult(
    double TotalCount,
    double TotalPopulation,
    double Multiplier,
    double? Value,
    double? Lower95,
    double? Upper95,
    double? Lower998,
    double? Upper998,
    string? NotCalculatedReason);

/// <summary>
/// Directly standardised rates with confidence limits by the Dobson method.
/// </summary>
/// <remarks>
/// <para>DSR = Σ wᵢ Oᵢ/nᵢ / Σ wᵢ × multiplier; Var(DSR) = Σ wᵢ² Oᵢ/nᵢ² / (Σ wᵢ)² × multiplier²;
/// with O = Σ Oᵢ and Byar's limits O_L, O_U of O: limit = DSR + √(Var(DSR)/O) × (O_L − O) (and likewise with O_U).</para>
/// <para>Source: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J, "Confidence intervals for weighted sums of Poisson
/// parameters", Statistics in Medicine 1991;10:457–462; PHE "Technical Guide: Confidence Intervals" (2018);
/// PHEindicatormethods' <c>phe_dsr</c>. Not calculated when the total count is below 10.</para>
/// <para>Worked number: with a population of 1,000 in every ESP 2013 band (19 bands) and 10 events in each,
/// the DSR is 1,000 per 100,000 and the 95% limits are 855.4 to 1,161.0 (exact z).</para>
/// </remarks>
public static class DirectlyStandardisedRate
{
    /// <summary>Totals below this are not standardised.</summary>
    public const double MinimumCount = 10;

    /// <summary>The directly standardised rate of the age-band observations.</summary>
    /// <param name="bands">Count, population and standard weight of each age band.</param>
    /// <param name="multiplier">Per how many of the standard population, 100,000 by default.</param>
    /// <param name="zConvention">Which z Byar's method uses.</param>
    /// <returns>The rate and limits, or nulls with a reason.</returns>
    /// <exception cref="ArgumentException">No bands, a negative count, or a band with events and no population.</exception>
    public static DsrResult Calculate(
        IReadOnlyList<AgeBandObservation> bands, double multiplier = 100_000, ZConvention zConvention = ZConvention.ExactQuantile)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Count == 0)
        {
            throw new ArgumentException("At least one age band is needed.", nameof(bands));
        }

        double totalCount = 0, totalPopulation = 0, totalWeight = 0, weightedRate = 0, variance = 0;
        foreach (var band in bands)
        {
            if (band.Count < 0 || band.Population < 0 || band.StandardWeight < 0)
            {
                throw new ArgumentException($"Counts, populations and weights cannot be negative (band {band}).", nameof(bands));
            }

            totalCount += band.Count;
            totalPopulation += band.Population;
            totalWeight += band.StandardWeight;
            if (band.Population == 0)
            {
                if (band.Count > 0)
                {
                    throw new ArgumentException($"A band has {band.Count} events but no population.", nameof(bands));
                }

                continue;
            }

            weightedRate += band.StandardWeight * band.Count / band.Population;
            variance += band.StandardWeight * band.StandardWeight * band.Count / (band.Population * band.Population);
        }

        if (totalCount < MinimumCount)
        {
            return new DsrResult(
                totalCount, totalPopulation, multiplier, null, null, null, null, null,
                $"Not calculated: the total count ({totalCount}) is below {MinimumCount}.");
        }

        var dsr = weightedRate / totalWeight * multiplier;
        var varianceDsr = variance / (totalWeight * totalWeight) * multiplier * multiplier;
        var factor = Math.Sqrt(varianceDsr / totalCount);
        double Limit(double limitOfCount) => dsr + (factor * (limitOfCount - totalCount));

        var z95 = ZValues.For95(zConvention);
        var z998 = ZValues.For998(zConvention);
        return new DsrResult(
            totalCount,
            totalPopulation,
            multiplier,
            dsr,
            Limit(PoissonLimits.ByarsLower(totalCount, z95)),
            Limit(PoissonLimits.ByarsUpper(totalCount, z95)),
            Limit(PoissonLimits.ByarsLower(totalCount, z998)),
            Limit(PoissonLimits.ByarsUpper(totalCount, z998)),
            null);
    }
}
