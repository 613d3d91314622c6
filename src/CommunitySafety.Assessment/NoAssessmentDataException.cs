using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment;

/// <summary>The store has no records for the area in the assessment year, so there is no assessment to make.</summary>
/// <param name="area">The area.</param>
/// <param name="year">The year.</param>
public sealed class NoAssessmentDataException(ResolvedArea area, FinancialYear year)
    : Exception($"The store has no data for {area?.Name} in {year}.")
{
    /// <summary>The area.</summary>
    public ResolvedArea Area { get; } = area ?? throw new ArgumentNullException(nameof(area));

    /// <summary>The year with no data.</summary>
    public FinancialYear Year { get; } = year;
}
