using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Places;

/// <summary>
/// A run of whole months, <paramref name="First"/> to <paramref name="Last"/>, and the run of the same length just before
/// it: the period and "the period before" that the place analyses (<see cref="AsbAnalysis"/>,
/// <see cref="RepeatPlacesAnalysis"/>, <see cref="NeighbourhoodProfile"/>) compare, and how they say them.
/// </summary>
/// <param name="First">The first month.</param>
/// <param name="Last">The last month.</param>
internal readonly record struct MonthSpan(YearMonth First, YearMonth Last)
{
    /// <summary>How many months the span covers.</summary>
    public int Length => Last.MonthsSince(First) + 1;

    /// <summary>The span of the same length that ends the month before <see cref="First"/>.</summary>
    public MonthSpan Before
    {
        get
        {
            var (first, last) = YearMonth.Preceding(First, Last);
            return new(first, last);
        }
    }

    /// <summary>The span in words, e.g. "January 2025 to December 2025".</summary>
    public string Text => $"{First.ToDisplayString()} to {Last.ToDisplayString()}";
}
