using CommunitySafety.Statistics;

namespace CommunitySafety.Hotspots.Methods;

/// <summary>An LSOA's count of crimes and, when its population is known, the rate per 1,000 residents.</summary>
/// <param name="LsoaCode">The LSOA's ONS code, e.g. E01017540.</param>
/// <param name="Count">Crimes recorded in the LSOA.</param>
/// <param name="Population">Residents, or null when no population was imported for the LSOA.</param>
/// <param name="Rate">The rate per 1,000 residents with 95% and 99.8% limits (Byar / exact Poisson, from the statistics engine); null without a population.</param>
public sealed record LsoaRate(string LsoaCode, long Count, double? Population, RateResult? Rate);

/// <summary>Crime counts and rates per 1,000 residents by LSOA.</summary>
public static class LsoaRates
{
    /// <summary>Rates are per this many residents.</summary>
    public const double PerResidents = 1000;

    /// <summary>
    /// Counts the records per LSOA code and divides by the LSOA's population where given. LSOAs with a
    /// population but no crimes are included with a count of 0. Ordered by rate (highest first), then count.
    /// </summary>
    /// <param name="lsoaCodes">Each record's LSOA code (blank codes, records located nowhere, are skipped).</param>
    /// <param name="population">Residents by LSOA code; may be empty.</param>
    public static IReadOnlyList<LsoaRate> Calculate(IEnumerable<string?> lsoaCodes, IReadOnlyDictionary<string, double> population)
    {
        ArgumentNullException.ThrowIfNull(lsoaCodes);
        ArgumentNullException.ThrowIfNull(population);
        var counts = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in lsoaCodes)
        {
            if (!string.IsNullOrWhiteSpace(code))
            {
                var key = code.Trim();
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var code in population.Keys)
        {
            counts.TryAdd(code, 0);
        }

        var options = RateOptions.Default with { Multiplier = PerResidents };
        var result = new List<LsoaRate>(counts.Count);
        foreach (var (code, count) in counts)
        {
            if (population.TryGetValue(code, out var residents) && residents > 0)
            {
                result.Add(new LsoaRate(code, count, residents, CrudeRate.Calculate(count, residents, options)));
            }
            else
            {
                result.Add(new LsoaRate(code, count, null, null));
            }
        }

        return [.. result
            .OrderByDescending(r => r.Rate?.Value ?? double.NegativeInfinity)
            .ThenByDescending(r => r.Count)
            .ThenBy(r => r.LsoaCode, StringComparer.Ordinal)];
    }
}
