using CommunitySafety.Crime;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>How to group counts.</summary>
public enum CountGrouping
{
    /// <summary>One row: the total.</summary>
    Total,

    /// <summary>One row per crime type.</summary>
    CrimeType,

    /// <summary>One row per month.</summary>
    Month,

    /// <summary>One row per financial quarter (Q1 = April–June).</summary>
    FinancialQuarter,

    /// <summary>One row per financial year (April–March).</summary>
    FinancialYear,

    /// <summary>One row per calendar year.</summary>
    CalendarYear,
}

/// <summary>How to work out rates.</summary>
/// <param name="Per">Rate per this many people: 1,000 by default, or 100,000.</param>
/// <param name="Band">The age band of the population (e.g. 10–17); null for all ages.</param>
/// <param name="PopulationYear">The mid-year of the population to use; by default the period's own mid-year (<see cref="PopulationYears.ForPeriod"/>), else the nearest earlier year, else the earliest.</param>
public sealed record CountRateOptions(double Per = 1000, AgeBand? Band = null, int? PopulationYear = null);

/// <summary>A counts query: an area, a run of months, a grouping, optional crime types and rate options.</summary>
/// <param name="Area">The area (see <see cref="AreaResolver"/>).</param>
public sealed record CountQuery(ResolvedArea Area)
{
    /// <summary>The first month; null for the first month imported for the area's forces.</summary>
    public YearMonth? FirstMonth { get; init; }

    /// <summary>The last month (inclusive); null for the last month imported for the area's forces.</summary>
    public YearMonth? LastMonth { get; init; }

    /// <summary>How to group the rows.</summary>
    public CountGrouping By { get; init; } = CountGrouping.Total;

    /// <summary>Only these crime types; null for all.</summary>
    public IReadOnlyList<CrimeType>? CrimeTypes { get; init; }

    /// <summary>Rate options; null for no rates.</summary>
    public CountRateOptions? Rate { get; init; }

    /// <summary>A query for the months of <paramref name="period"/>.</summary>
    public static CountQuery For(ResolvedArea area, ReportingPeriod period, CountGrouping by = CountGrouping.Total) =>
        new(area) { FirstMonth = period.FirstMonth, LastMonth = period.LastMonth, By = by };
}

/// <summary>One row of counts.</summary>
/// <param name="Label">The group: a crime type name, a month (2024-01), a quarter (Q1 2024/25), a financial year (2024/25), a year, or "Total".</param>
/// <param name="CrimeType">The crime type, when grouped by type.</param>
/// <param name="FirstMonth">The first month of the group's period.</param>
/// <param name="LastMonth">The last month of the group's period.</param>
/// <param name="Count">Records.</param>
/// <param name="MonthsCovered">Months of the group's period (within the query) with data imported for the area's forces.</param>
/// <param name="MonthsInPeriod">Months in the group's period.</param>
/// <param name="Rate">Count per <see cref="CountRateOptions.Per"/> people, when a population was found.</param>
public sealed record CountRow(string Label, CrimeType? CrimeType, YearMonth FirstMonth, YearMonth LastMonth, long Count, int MonthsCovered, int MonthsInPeriod, double? Rate)
{
    /// <summary>The population of this row's rate: the one for its own period's mid-year (see <see cref="PopulationYears"/>).</summary>
    public PopulationFigure? Population { get; init; }

    /// <summary>Whether some months of the period have no data.</summary>
    public bool IsPartial => MonthsCovered < MonthsInPeriod;

    /// <summary>E.g. "7 of 12 months".</summary>
    public string CoverageText => $"{MonthsCovered} of {MonthsInPeriod} months";
}

/// <summary>Which forces' data a count rests on.</summary>
/// <param name="Forces">The forces with data in the period.</param>
/// <param name="OutOf">For England and Wales, 43; otherwise the number of forces responsible for the area.</param>
public sealed record ForceCoverage(IReadOnlyList<string> Forces, int OutOf)
{
    /// <summary>E.g. "1 of 43 forces".</summary>
    public string Text => $"{Forces.Count} of {OutOf} force{(OutOf == 1 ? string.Empty : "s")}";

    /// <summary>Whether some forces are missing.</summary>
    public bool IsPartial => Forces.Count < OutOf;
}

/// <summary>The population a rate is per, with its year and source.</summary>
/// <param name="Value">People.</param>
/// <param name="Year">The mid-year of the estimate (the census year for a census count), e.g. 2024.</param>
/// <param name="Band">The age band.</param>
/// <param name="Source">Where the figures come from, e.g. "ONS mid-2024 population estimates (MYE2), Local Authority, OGL v3" (several joined by "; ").</param>
public sealed record PopulationFigure(double Value, int Year, AgeBand Band, string Source)
{
    /// <summary>How the figure was made, e.g. "the figure for E06000032" or "the sum of 3 local authority figures".</summary>
    public string Derivation { get; init; } = string.Empty;

    /// <summary>The period's own mid-year (<see cref="PopulationYears.ForPeriod"/>); null when a year was asked for.</summary>
    public int? TargetYear { get; init; }

    /// <summary>Why another year than the period's own was used, when it was.</summary>
    public string? Note { get; init; }

    /// <summary>A warning to show with the rate when <see cref="Year"/> is more than two years from the period's mid-year; null otherwise.</summary>
    public string? Warning { get; init; }

    /// <summary>Whether <see cref="Warning"/> applies.</summary>
    public bool IsStale => Warning is not null;

    /// <summary>One line to print with a rate, e.g. "Population: 239,090, ONS mid-2024 population estimates (MYE2), Local Authority, OGL v3 (the figure for E06000032)."</summary>
    public string Description => string.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"),
        $"Population{(Band.IsAllAges ? string.Empty : $" aged {Band}")}: {Value:N0}, {Source}{(Derivation.Length > 0 ? $" ({Derivation})" : string.Empty)}.{(Note is null ? string.Empty : " " + char.ToUpperInvariant(Note[0]) + Note[1..])}{(Warning is null ? string.Empty : " " + Warning)}");
}

/// <summary>The answer to a <see cref="CountQuery"/>.</summary>
public sealed record CountResult
{
    /// <summary>The area.</summary>
    public required ResolvedArea Area { get; init; }

    /// <summary>Whether the counts are records reported by a force, or located in an area.</summary>
    public CountBasis Basis => Area.Basis;

    /// <summary>The first month asked for.</summary>
    public required YearMonth FirstMonth { get; init; }

    /// <summary>The last month asked for.</summary>
    public required YearMonth LastMonth { get; init; }

    /// <summary>The rows, in order.</summary>
    public required IReadOnlyList<CountRow> Rows { get; init; }

    /// <summary>All records in the query.</summary>
    public required long Total { get; init; }

    /// <summary>Months asked for that have data for the area's forces.</summary>
    public required IReadOnlyList<YearMonth> MonthsCovered { get; init; }

    /// <summary>Months asked for.</summary>
    public int MonthsRequested => LastMonth.MonthsSince(FirstMonth) + 1;

    /// <summary>E.g. "7 of 12 months".</summary>
    public string MonthCoverageText => $"{MonthsCovered.Count} of {MonthsRequested} months";

    /// <summary>The forces the counts rest on.</summary>
    public required ForceCoverage Forces { get; init; }

    /// <summary>For a force or England and Wales: records with no location (included in the counts).</summary>
    public long NoLocation { get; init; }

    /// <summary>The population used for rates, when one was asked for and found.</summary>
    public PopulationFigure? Population { get; init; }

    /// <summary>Why there is no population, when one was asked for and not found.</summary>
    public string? PopulationNote { get; init; }

    /// <summary>The total per <see cref="CountRateOptions.Per"/> people.</summary>
    public double? Rate { get; init; }

    /// <summary>The multiplier of the rates (1,000 or 100,000).</summary>
    public double RatePer { get; init; }

    /// <summary>
    /// For England and Wales with some forces missing, the statement to print with its figures, e.g. "England and Wales:
    /// 2 of 43 forces loaded (Bedfordshire Police, Hampshire Constabulary): the counts are those forces' records only, not
    /// national figures, and the rate is per the population of their police force areas."; null otherwise.
    /// </summary>
    public string? CoverageStatement => Area.Kind == AreaKind.EnglandAndWales && Forces.IsPartial
        ? $"England and Wales: {Forces.Forces.Count} of {Forces.OutOf} forces loaded{(Forces.Forces.Count > 0 ? $" ({string.Join(", ", Forces.Forces)})" : string.Empty)}: " +
          "the counts are those forces' records only, not national figures, and any rate is per the population of their police force areas, not of England and Wales. Import every force's files for a national comparator."
        : null;

    /// <summary>The forces, by "Reported by" name, that police.uk publishes for England and Wales.</summary>
    public static int EnglandAndWalesForces => PoliceForces.EnglandAndWalesCount;
}
