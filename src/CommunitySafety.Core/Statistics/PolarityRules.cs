namespace CommunitySafety.Statistics;

/// <summary>
/// The single place where polarity turns a statistical direction into a judgement.
/// </summary>
/// <remarks>
/// Benchmark comparisons, period change, recent trend markers and SPC variation all call
/// <see cref="IsImprovement"/> or <see cref="Judge"/>, so a number is judged the same way everywhere.
/// Example: a rate significantly <see cref="Direction.Higher"/> than England's for a
/// <see cref="Polarity.LowIsGood"/> indicator is <see cref="ComparisonOutcome.Worse"/>.
/// </remarks>
public static class PolarityRules
{
    /// <summary>
    /// Whether movement in <paramref name="direction"/> is good under <paramref name="polarity"/>:
    /// true for improvement, false for deterioration, null when there is no judgement to make
    /// (no polarity, no significant difference, or not compared).
    /// </summary>
    /// <param name="direction">The statistical direction.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>True if better, false if worse, null if neither.</returns>
    public static bool? IsImprovement(Direction direction, Polarity polarity) => (direction, polarity) switch
    {
        (Direction.Higher, Polarity.HighIsGood) or (Direction.Lower, Polarity.LowIsGood) => true,
        (Direction.Higher, Polarity.LowIsGood) or (Direction.Lower, Polarity.HighIsGood) => false,
        _ => null,
    };

    /// <summary>
    /// The comparison outcome for a direction; <paramref name="beyondOuterLevel"/> marks a difference that
    /// is also significant at 99.8% (giving Best / Worst).
    /// </summary>
    /// <param name="direction">The statistical direction.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="beyondOuterLevel">True when the difference is significant at the outer (99.8%) level.</param>
    /// <returns>The outcome.</returns>
    public static ComparisonOutcome Judge(Direction direction, Polarity polarity, bool beyondOuterLevel = false)
    {
        if (direction == Direction.NotCompared)
        {
            return ComparisonOutcome.NotCompared;
        }

        if (direction == Direction.Similar)
        {
            return ComparisonOutcome.Similar;
        }

        return IsImprovement(direction, polarity) switch
        {
            true => beyondOuterLevel ? ComparisonOutcome.Best : ComparisonOutcome.Better,
            false => beyondOuterLevel ? ComparisonOutcome.Worst : ComparisonOutcome.Worse,
            null => direction == Direction.Higher ? ComparisonOutcome.Higher : ComparisonOutcome.Lower,
        };
    }
}
