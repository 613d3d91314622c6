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

    /// <summary>
    /// The values that meet a target given as <paramref name="lower"/> and <paramref name="upper"/> bounds (either may be
    /// missing: no bound on that side). A single value (lower = upper) is met at or below it for
    /// <see cref="Polarity.LowIsGood"/>, at or above it for <see cref="Polarity.HighIsGood"/>, and only exactly without
    /// a polarity.
    /// </summary>
    /// <param name="lower">The target's lower bound, or null.</param>
    /// <param name="upper">The target's upper bound, or null.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>The band of values that meet the target (infinite where unbounded).</returns>
    public static (double Low, double High) TargetBand(double? lower, double? upper, Polarity polarity)
    {
        if (lower is { } single && upper == single)
        {
            return polarity switch
            {
                Polarity.LowIsGood => (double.NegativeInfinity, single),
                Polarity.HighIsGood => (single, double.PositiveInfinity),
                _ => (single, single),
            };
        }

        return (lower ?? double.NegativeInfinity, upper ?? double.PositiveInfinity);
    }

    /// <summary>
    /// The one value a target can be drawn as (an SPC chart's target line): a single value (lower = upper), or the
    /// bound on the side that meets it (the lower bound when high is good, the upper when low is good); null for a
    /// range or a bound on the wrong side of the polarity.
    /// </summary>
    /// <param name="lower">The target's lower bound, or null.</param>
    /// <param name="upper">The target's upper bound, or null.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>The target value, or null.</returns>
    public static double? SingleTarget(double? lower, double? upper, Polarity polarity) => (lower, upper) switch
    {
        ({ } l, { } u) when l == u => l,
        ({ } l, null) when polarity == Polarity.HighIsGood => l,
        (null, { } u) when polarity == Polarity.LowIsGood => u,
        _ => null,
    };

    /// <summary>
    /// Whether an SPC process can be expected to meet a target (NHS England, Making Data Count: assurance): when high
    /// is good, consistently met if the target is at or below the lower process limit, consistently failed if above the
    /// upper; when low is good the mirror image; otherwise hit and miss. Without a polarity there is no assurance.
    /// </summary>
    /// <param name="target">The target value.</param>
    /// <param name="lowerLimit">The lower process limit.</param>
    /// <param name="upperLimit">The upper process limit.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>The assurance.</returns>
    public static AssuranceStatus Assurance(double target, double lowerLimit, double upperLimit, Polarity polarity) => polarity switch
    {
        Polarity.HighIsGood => target <= lowerLimit ? AssuranceStatus.ConsistentlyMet : target > upperLimit ? AssuranceStatus.ConsistentlyFailed : AssuranceStatus.HitAndMiss,
        Polarity.LowIsGood => target >= upperLimit ? AssuranceStatus.ConsistentlyMet : target < lowerLimit ? AssuranceStatus.ConsistentlyFailed : AssuranceStatus.HitAndMiss,
        _ => AssuranceStatus.NotApplicable,
    };
}
