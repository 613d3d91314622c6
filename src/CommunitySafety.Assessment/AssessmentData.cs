using CommunitySafety.Areas;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Crime;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment;

/// <summary>One financial year of police.uk records for an area: counts per crime type, months covered, population.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="MonthsWithData">How many of its twelve months have data (coverage); fewer than 12 is a partial year.</param>
/// <param name="Population">The resident population used for rates; null when unknown.</param>
/// <param name="Counts">Count per crime type; a missing type counts 0.</param>
public sealed record AreaYear(FinancialYear Year, int MonthsWithData, double? Population, IReadOnlyDictionary<CrimeType, long> Counts)
{
    /// <summary>Whether all twelve months have data.</summary>
    public bool IsComplete => MonthsWithData >= 12;

    /// <summary>The count of one crime type, or of all recorded crime when <paramref name="crimeType"/> is null.</summary>
    public long CountOf(CrimeType? crimeType) => crimeType is null ? RecordedCrime : Counts.GetValueOrDefault(crimeType);

    /// <summary>Police recorded crime: every category except anti-social behaviour, which is not a crime.</summary>
    public long RecordedCrime => Total(excludeAntiSocialBehaviour: true);

    /// <summary>All police.uk records: recorded crime and anti-social behaviour.</summary>
    public long AllRecords => Total(excludeAntiSocialBehaviour: false);

    // A loop rather than LINQ: the assessment asks for these totals thousands of times per area (whole numbers, so the
    // order of the sum does not matter).
    private long Total(bool excludeAntiSocialBehaviour)
    {
        long total = 0;
        if (Counts is Dictionary<CrimeType, long> dictionary)
        {
            foreach (var (type, n) in dictionary)
            {
                total += excludeAntiSocialBehaviour && type == CrimeType.AntiSocialBehaviour ? 0 : n;
            }

            return total;
        }

        foreach (var (type, n) in Counts)
        {
            total += excludeAntiSocialBehaviour && type == CrimeType.AntiSocialBehaviour ? 0 : n;
        }

        return total;
    }
}

/// <summary>An area and its years of data.</summary>
/// <param name="Area">The area.</param>
/// <param name="Years">Its years, any order; years with no data may be absent.</param>
public sealed record AreaData(Area Area, IReadOnlyList<AreaYear> Years)
{
    /// <summary>The year <paramref name="year"/>, or null when there are no data for it.</summary>
    public AreaYear? For(FinancialYear year)
    {
        // The first with the year, by a loop (no closure: the assessment asks this tens of thousands of times per area).
        for (var i = 0; i < Years.Count; i++)
        {
            if (Years[i].Year == year)
            {
                return Years[i];
            }
        }

        return null;
    }
}

/// <summary>
/// Everything the assessment reads from the analytical store: the area's years, England and Wales's years, and the
/// peers' years, plus notes on the data (coverage, population year) to pass on to the reader.
/// </summary>
/// <param name="Area">The area assessed.</param>
/// <param name="EnglandAndWales">England and Wales (the sum of the forces in the store); null when unavailable.</param>
/// <param name="Peers">The peer areas' data (at least the assessment year).</param>
/// <param name="Notes">Notes about the data, e.g. "England and Wales is the sum of 2 of 43 forces".</param>
public sealed record AssessmentData(AreaData Area, AreaData? EnglandAndWales, IReadOnlyList<AreaData> Peers, IReadOnlyList<string> Notes)
{
    /// <summary>The area's latest two complete, consecutive 12-month periods (the matrix's rolling trend); null when not loaded.</summary>
    public RollingYears? Rolling { get; init; }

    /// <summary>Why there are no rolling 12-month periods (e.g. "only 16 consecutive months of data"); null when there are.</summary>
    public string? RollingNote { get; init; }

    /// <summary>The area's records by national deprivation decile of their LSOA (the matrix's disproportionate impact); null when not loaded.</summary>
    public DeprivationEvidence? Deprivation { get; init; }

    /// <summary>Why there is no deprivation evidence (e.g. "no Index of Multiple Deprivation in the store"); null when there is.</summary>
    public string? DeprivationNote { get; init; }
}

/// <summary>Counts by crime type over a run of months, with the population for a rate.</summary>
/// <param name="FirstMonth">The first month.</param>
/// <param name="LastMonth">The last month (inclusive).</param>
/// <param name="MonthsWithData">Months of the run with data for every force responsible for the area.</param>
/// <param name="Population">The resident population for a rate (the Data layer's estimate for a period ending in <paramref name="LastMonth"/>); null when unknown.</param>
/// <param name="PopulationSource">The population's source and mid-year, e.g. "ONS mid-2015 estimate for E06000032".</param>
/// <param name="Counts">Count per crime type; a missing type counts 0.</param>
public sealed record MonthsCounts(YearMonth FirstMonth, YearMonth LastMonth, int MonthsWithData, double? Population, string? PopulationSource, IReadOnlyDictionary<CrimeType, long> Counts)
{
    /// <summary>Months in the run.</summary>
    public int Months => LastMonth.MonthsSince(FirstMonth) + 1;

    /// <summary>Whether every month of the run has data.</summary>
    public bool IsComplete => MonthsWithData >= Months;

    /// <summary>The run in words, e.g. "Jan 2024–Dec 2024".</summary>
    public string Label => $"{Short(FirstMonth)}–{Short(LastMonth)}";

    private static string Short(YearMonth month) => month.FirstDay.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Two consecutive complete 12-month periods, the later ending with the latest month chosen by <see cref="RollingWindows"/>:
/// the matrix's trend compares them, so a partial financial year does not stop a trend being measured.
/// </summary>
/// <param name="Earlier">The 12 months before <paramref name="Later"/>.</param>
/// <param name="Later">The latest complete 12 months.</param>
public sealed record RollingYears(MonthsCounts Earlier, MonthsCounts Later);

/// <summary>
/// An area's records and residents by national decile of the Index of Multiple Deprivation of their LSOA, for the
/// assessment year: the evidence of the disproportionate impact criterion.
/// </summary>
/// <param name="IndexSource">The index used, e.g. "English Indices of Deprivation 2019 (MHCLG), LSOA 2011 deciles".</param>
/// <param name="PopulationSource">The LSOA populations used, e.g. "ONS mid-2015 LSOA estimates".</param>
/// <param name="FirstMonth">The first month counted.</param>
/// <param name="LastMonth">The last month counted.</param>
/// <param name="Deciles">One entry per decile with LSOAs in the area (1 = the most deprived 10% of LSOAs in England).</param>
/// <param name="LsoasWithoutDecile">The area's LSOAs with no decile in the index (left out).</param>
/// <param name="RecordsWithoutDecile">Records in LSOAs with no decile (left out).</param>
public sealed record DeprivationEvidence(
    string IndexSource,
    string PopulationSource,
    YearMonth FirstMonth,
    YearMonth LastMonth,
    IReadOnlyList<DecileEvidence> Deciles,
    int LsoasWithoutDecile,
    long RecordsWithoutDecile);

/// <summary>One national deprivation decile's part of an area.</summary>
/// <param name="Decile">1 = the most deprived 10% of LSOAs nationally, 10 = the least deprived.</param>
/// <param name="Lsoas">The area's LSOAs in the decile.</param>
/// <param name="Population">Their residents.</param>
/// <param name="Counts">Records located in them, per crime type; a missing type counts 0.</param>
public sealed record DecileEvidence(int Decile, int Lsoas, double Population, IReadOnlyDictionary<CrimeType, long> Counts);
