namespace CommunitySafety.Statistics;

/// <summary>
/// The judgement of a comparison, after polarity is applied (Fingertips' "Significance").
/// </summary>
public enum ComparisonOutcome
{
    /// <summary>Missing data: the value was not compared. Never shown as a number.</summary>
    NotCompared = 0,

    /// <summary>Significantly better than the benchmark (at 95%).</summary>
    Better = 1,

    /// <summary>Not significantly different from the benchmark.</summary>
    Similar = 2,

    /// <summary>Significantly worse than the benchmark (at 95%).</summary>
    Worse = 3,

    /// <summary>Better at 99.8% in the two-level comparison.</summary>
    Best = 4,

    /// <summary>Worse at 99.8% in the two-level comparison.</summary>
    Worst = 5,

    /// <summary>Significantly lower, for an indicator with no polarity.</summary>
    Lower = 6,

    /// <summary>Significantly higher, for an indicator with no polarity.</summary>
    Higher = 7,
}

/// <summary>Display text for <see cref="ComparisonOutcome"/>.</summary>
public static class ComparisonOutcomeExtensions
{
    /// <summary>The label used in reports, e.g. "Better", "Not compared".</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The label.</returns>
    public static string ToLabel(this ComparisonOutcome outcome) => outcome switch
    {
        ComparisonOutcome.Better => "Better",
        ComparisonOutcome.Similar => "Similar",
        ComparisonOutcome.Worse => "Worse",
        ComparisonOutcome.Best => "Best",
        ComparisonOutcome.Worst => "Worst",
        ComparisonOutcome.Lower => "Lower",
        ComparisonOutcome.Higher => "Higher",
        _ => "Not compared",
    };
}
