using System.Globalization;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>
/// Which year's population a rate uses. A period's own mid-year is the start year of the financial year holding its
/// last month: financial year 2024/25 → mid-2024; calendar year 2024 (ending December 2024, in 2024/25) → mid-2024; a
/// quarter or month → the mid-year of its financial year (Q4 2024/25 and 2025-02 → mid-2024); 12 months to 2025-09 →
/// mid-2025. The estimate for that year is used; where it is missing, the nearest earlier year; where there is none
/// earlier, the earliest, with a note. A year more than <see cref="StaleAfterYears"/> years from the period's mid-year
/// carries a warning.
/// </summary>
public static class PopulationYears
{
    /// <summary>Years of difference beyond which a population is called stale (more than two years).</summary>
    public const int StaleAfterYears = 2;

    /// <summary>The rule in words, for a note under rates: "the population of the period's own mid-year (…), else …".</summary>
    public const string Rule =
        "the population of the period's own mid-year (2024/25 → mid-2024), else the nearest earlier year imported, else the earliest (said in a note)";

    /// <summary>The period's own mid-year, for a period ending in <paramref name="last"/>.</summary>
    public static int ForPeriod(YearMonth last) => last.FinancialYear.StartYear;

    /// <summary>The years to try for <paramref name="target"/>: itself, then earlier years nearest first, then later years nearest first.</summary>
    public static IEnumerable<int> Candidates(int target, IReadOnlyList<int> years) =>
        years.Where(y => y <= target).OrderByDescending(y => y).Concat(years.Where(y => y > target).Order());

    /// <summary>The figure with the period's mid-year, and the note and warning its year calls for.</summary>
    internal static PopulationFigure Annotate(PopulationFigure figure, int target)
    {
        var gap = Math.Abs(figure.Year - target);
        string? note = figure.Year == target ? null
            : figure.Year < target
                ? string.Create(CultureInfo.InvariantCulture, $"no mid-{target} population is imported for this area: the nearest earlier, mid-{figure.Year}, is used.")
                : string.Create(CultureInfo.InvariantCulture, $"no population at or before mid-{target} is imported for this area: the earliest, mid-{figure.Year}, is used.");
        string? warning = gap > StaleAfterYears
            ? string.Create(CultureInfo.InvariantCulture,
                $"Warning: the population is mid-{figure.Year}, {gap} years from the period's mid-{target}; rates may be over- or understated as the population has changed. Import the ONS mid-{target} estimate.")
            : null;
        return figure with { TargetYear = target, Note = note, Warning = warning };
    }
}
