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
/// <param name="PopulationYear">The mid-year of the population to use; by default the latest at or before the period's end, else the earliest.</param>
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

/// <summary>The population a rate is per.</summary>
/// <param name="Value">People.</param>
/// <param name="Year">The mid-year of the estimate, e.g. 2015.</param>
/// <param name="Band">The age band.</param>
/// <param name="Source">How it was obtained, e.g. "ONS mid-2015 estimate for E06000032" or "sum of 131 LSOA estimates (mid-2015)".</param>
public sealed record PopulationFigure(double Value, int Year, AgeBand Band, string Source);

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

    /// <summary>The forces, by "Reported by" name, that police.uk publishes for England and Wales.</summary>
    public static int EnglandAndWalesForces => PoliceForces.EnglandAndWalesCount;
}
