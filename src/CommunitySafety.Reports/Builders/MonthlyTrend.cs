using CommunitySafety.Periods;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// Monthly recorded crime of the area and a comparator (counted by the caller from the analytical store), for the
/// overall crime chart when the store holds too few complete financial years for a yearly trend.
/// </summary>
/// <param name="AreaName">The area ("Luton").</param>
/// <param name="ComparatorName">The comparator ("Bedfordshire Police area").</param>
/// <param name="Year">The financial year both lines are indexed to (its monthly average = 100).</param>
/// <param name="Months">The months, consecutive, oldest first.</param>
/// <param name="Local">The area's count in each month.</param>
/// <param name="Comparator">The comparator's count in each month.</param>
/// <param name="WhyNotNational">Why the comparator is not England and Wales, said under the chart; null when it is.</param>
public sealed record MonthlyTrend(
    string AreaName,
    string ComparatorName,
    FinancialYear Year,
    IReadOnlyList<YearMonth> Months,
    IReadOnlyList<long> Local,
    IReadOnlyList<long> Comparator,
    string? WhyNotNational);
