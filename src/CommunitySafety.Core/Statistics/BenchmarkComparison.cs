namespace CommunitySafety.Statistics;

/// <summary>How an area is compared with its benchmark.</summary>
public enum ComparisonMethod
{
    /// <summary>The benchmark value against the area's 95% interval: Better / Similar / Worse.</summary>
    ConfidenceInterval95 = 0,

    /// <summary>The benchmark against the 95% and 99.8% intervals: adds Best / Worst.</summary>
    ConfidenceInterval95And998 = 1,

    /// <summary>The area's 95% interval against the benchmark's 95% interval: different only if they do not overlap.</summary>
    OverlappingIntervals = 2,
}

/// <summary>
/// Fingertips-style comparison of an area's value with a benchmark (England, the peer-group average or a target).
/// </summary>
/// <remarks>
/// <para>Source: PHE Fingertips "Technical Guide: Confidence Intervals" and the Fingertips user guide
/// ("Comparing with a benchmark"): an area is significantly higher when its lower limit is above the benchmark and
/// significantly lower when its upper limit is below it. Missing data → <see cref="ComparisonOutcome.NotCompared"/>.
/// Polarity is applied by <see cref="PolarityRules"/> only.</para>
/// <para>Worked number: a rate of 182.1 (95% limits 156.0 to 211.4) against England's 150.0 for a low-is-good
/// indicator is Worse.</para>
/// </remarks>
public static class BenchmarkComparison
{
    /// <summary>Direction of the area relative to the benchmark, judged by whether the benchmark lies outside the interval.</summary>
    /// <param name="benchmark">The benchmark value.</param>
    /// <param name="lower">The area's lower limit.</param>
    /// <param name="upper">The area's upper limit.</param>
    /// <returns>Higher when the lower limit is above the benchmark, Lower when the upper limit is below it.</returns>
    public static Direction DirectionAgainstInterval(double? benchmark, double? lower, double? upper)
    {
        if (benchmark is not { } b || lower is not { } l || upper is not { } u || double.IsNaN(b) || double.IsNaN(l) || double.IsNaN(u))
        {
            return Direction.NotCompared;
        }

        return l > b ? Direction.Higher : u < b ? Direction.Lower : Direction.Similar;
    }

    /// <summary>The benchmark against the area's 95% interval (Better / Similar / Worse, or Lower / Higher).</summary>
    /// <param name="benchmark">The benchmark value.</param>
    /// <param name="lower95">The area's lower 95% limit.</param>
    /// <param name="upper95">The area's upper 95% limit.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>The outcome.</returns>
    public static ComparisonOutcome Compare95(double? benchmark, double? lower95, double? upper95, Polarity polarity) =>
        PolarityRules.Judge(DirectionAgainstInterval(benchmark, lower95, upper95), polarity);

    /// <summary>The two-level comparison: Best / Worst when the benchmark is also outside the 99.8% interval.</summary>
    /// <param name="benchmark">The benchmark value.</param>
    /// <param name="lower95">Lower 95% limit.</param>
    /// <param name="upper95">Upper 95% limit.</param>
    /// <param name="lower998">Lower 99.8% limit.</param>
    /// <param name="upper998">Upper 99.8% limit.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>The outcome.</returns>
    public static ComparisonOutcome Compare95And998(
        double? benchmark, double? lower95, double? upper95, double? lower998, double? upper998, Polarity polarity)
    {
        var direction95 = DirectionAgainstInterval(benchmark, lower95, upper95);
        var direction998 = DirectionAgainstInterval(benchmark, lower998, upper998);
        return PolarityRules.Judge(direction95, polarity, beyondOuterLevel: direction998 == direction95 && direction95 is Direction.Higher or Direction.Lower);
    }

    /// <summary>The area's 95% interval against the benchmark's: significant only when they do not overlap.</summary>
    /// <param name="lower95">The area's lower 95% limit.</param>
    /// <param name="upper95">The area's upper 95% limit.</param>
    /// <param name="benchmarkLower95">The benchmark's lower 95% limit.</param>
    /// <param name="benchmarkUpper95">The benchmark's upper 95% limit.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>The outcome.</returns>
    public static ComparisonOutcome CompareOverlap(
        double? lower95, double? upper95, double? benchmarkLower95, double? benchmarkUpper95, Polarity polarity)
    {
        if (lower95 is not { } l || upper95 is not { } u || benchmarkLower95 is not { } bl || benchmarkUpper95 is not { } bu)
        {
            return ComparisonOutcome.NotCompared;
        }

        var direction = l > bu ? Direction.Higher : u < bl ? Direction.Lower : Direction.Similar;
        return PolarityRules.Judge(direction, polarity);
    }

    /// <summary>
    /// A proportion against control limits around the benchmark proportion at the area's denominator (the funnel-plot
    /// limits of <see cref="FunnelPlot.ProportionLimits(double, long, double)"/>); Best / Worst when outside the 99.8% limits.
    /// </summary>
    /// <param name="numerator">The area's numerator.</param>
    /// <param name="denominator">The area's denominator; zero gives NotCompared.</param>
    /// <param name="benchmarkProportion">The benchmark as a fraction between 0 and 1.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="twoLevel">Whether to add Best / Worst at 99.8%.</param>
    /// <returns>The outcome.</returns>
    public static ComparisonOutcome CompareProportionWithControlLimits(
        long numerator, long denominator, double? benchmarkProportion, Polarity polarity, bool twoLevel = false)
    {
        if (denominator <= 0 || benchmarkProportion is not { } target || double.IsNaN(target))
        {
            return ComparisonOutcome.NotCompared;
        }

        var limits = FunnelPlot.ProportionLimits(target, denominator, multiplier: 1);
        var position = FunnelPlot.Position((double)numerator / denominator, limits);
        var direction = position switch
        {
            FunnelPosition.High95 or FunnelPosition.High998 => Direction.Higher,
            FunnelPosition.Low95 or FunnelPosition.Low998 => Direction.Lower,
            _ => Direction.Similar,
        };
        return PolarityRules.Judge(direction, polarity, twoLevel && position is FunnelPosition.High998 or FunnelPosition.Low998);
    }

    /// <summary>A rate against a benchmark value by <paramref name="method"/>.</summary>
    /// <param name="rate">The area's rate.</param>
    /// <param name="benchmark">The benchmark value; for <see cref="ComparisonMethod.OverlappingIntervals"/> its interval is needed instead.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="method">The comparison method (not overlap).</param>
    /// <returns>The outcome.</returns>
    public static ComparisonOutcome Compare(RateResult rate, double? benchmark, Polarity polarity, ComparisonMethod method = ComparisonMethod.ConfidenceInterval95) =>
        CompareValue(benchmark, rate.Lower95, rate.Upper95, rate.Lower998, rate.Upper998, polarity, method);

    /// <summary>A proportion against a benchmark value (on the same scale as the proportion) by <paramref name="method"/>.</summary>
    /// <param name="proportion">The area's proportion.</param>
    /// <param name="benchmark">The benchmark value.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="method">The comparison method (not overlap).</param>
    /// <returns>The outcome.</returns>
    public static ComparisonOutcome Compare(ProportionResult proportion, double? benchmark, Polarity polarity, ComparisonMethod method = ComparisonMethod.ConfidenceInterval95) =>
        CompareValue(benchmark, proportion.Lower95, proportion.Upper95, proportion.Lower998, proportion.Upper998, polarity, method);

    private static ComparisonOutcome CompareValue(
        double? benchmark, double? l95, double? u95, double? l998, double? u998, Polarity polarity, ComparisonMethod method) => method switch
        {
            ComparisonMethod.ConfidenceInterval95 => Compare95(benchmark, l95, u95, polarity),
            ComparisonMethod.ConfidenceInterval95And998 => Compare95And998(benchmark, l95, u95, l998, u998, polarity),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Overlapping intervals need the benchmark's interval: use CompareOverlap."),
        };
}
