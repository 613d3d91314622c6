using CommunitySafety.Areas;
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
public sealed record AssessmentData(AreaData Area, AreaData? EnglandAndWales, IReadOnlyList<AreaData> Peers, IReadOnlyList<string> Notes);
