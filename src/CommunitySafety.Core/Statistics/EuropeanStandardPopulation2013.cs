namespace CommunitySafety.Statistics;

/// <summary>An age band of a standard population and its weight.</summary>
/// <param name="LowerAge">First age in the band.</param>
/// <param name="UpperAge">Last age in the band; null for the open-ended top band.</param>
/// <param name="Weight">Standard population in the band.</param>
public readonly record struct StandardAgeBand(int LowerAge, int? UpperAge, double Weight)
{
    /// <summary>The band as written in tables, e.g. "5-9" or "90+".</summary>
    public string Label => UpperAge is { } upper ? $"{LowerAge}-{upper}" : $"{LowerAge}+";
}

/// <summary>
/// The 2013 European Standard Population (ESP 2013), total 100,000.
/// </summary>
/// <remarks>
/// Source: Eurostat, "Revision of the European Standard Population — Report of Eurostat's task force",
/// Methodologies and Working papers, 2013 edition, table 3.1 (single-year bands 0, 1–4, then five-year bands to
/// 95+). The 19-band version (0–4 … 85–89, 90+) is the one used by ONS and PHEindicatormethods' <c>esp2013</c>.
/// Worked number: the 0–4 band weighs 5,000 (1,000 for age 0 plus 4,000 for ages 1–4).
/// </remarks>
public static class EuropeanStandardPopulation2013
{
    private static readonly double[] NineteenBandWeights =
    [
        5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
        7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
    ];

    /// <summary>Five-year bands 0–4 … 85–89 and 90+ (19 bands), the usual ONS / PHE layout.</summary>
    public static IReadOnlyList<StandardAgeBand> FiveYearTo90Plus { get; } = Build(19);

    /// <summary>Five-year bands 0–4 … 80–84 and 85+ (18 bands), for populations published only to 85+.</summary>
    public static IReadOnlyList<StandardAgeBand> FiveYearTo85Plus { get; } = Build(18);

    /// <summary>The total standard population, 100,000.</summary>
    public const double Total = 100_000;

    private static StandardAgeBand[] Build(int bands)
    {
        var result = new StandardAgeBand[bands];
        for (var i = 0; i < bands; i++)
        {
            var last = i == bands - 1;
            var weight = last ? NineteenBandWeights.AsSpan(i).ToArray().Sum() : NineteenBandWeights[i];
            result[i] = new StandardAgeBand(i * 5, last ? null : (i * 5) + 4, weight);
        }

        return result;
    }
}
