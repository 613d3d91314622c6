namespace CommunitySafety.Statistics;

/// <summary>The summary of a distribution shown on a spine chart.</summary>
/// <param name="Count">Number of values used.</param>
/// <param name="Minimum">Lowest value.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile (lower quartile).</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P75">75th percentile (upper quartile).</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Maximum">Highest value.</param>
public sealed record SpineSummary(int Count, double Minimum, double P5, double P25, double Median, double P75, double P95, double Maximum);

/// <summary>
/// Percentiles by linear interpolation between order statistics: for sorted x₁ … xₙ, the p-th percentile is at
/// position h = (n − 1)p + 1, x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
/// </summary>
/// <remarks>
/// Source: Hyndman &amp; Fan, "Sample quantiles in statistical packages", The American Statistician 1996;50:361–365,
/// definition 7 (the default of R, NumPy and Excel's PERCENTILE.INC), as used for Fingertips spine charts.
/// Worked number: the 25th percentile of 1, 2, 3, 4 is 1.75.
/// </remarks>
public static class Percentiles
{
    /// <summary>The <paramref name="p"/>-th quantile (0 ≤ p ≤ 1) of values already sorted ascending.</summary>
    /// <param name="sorted">Values sorted ascending, at least one.</param>
    /// <param name="p">The quantile, between 0 and 1.</param>
    /// <returns>The interpolated quantile.</returns>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("At least one value is needed.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>The spine-chart summary of the values, missing values left out; null when none are present.</summary>
    /// <param name="values">One value per area.</param>
    /// <returns>Minimum, 5th, 25th, median, 75th, 95th percentiles and maximum.</returns>
    public static SpineSummary? Summarise(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(v => v is { } x && !double.IsNaN(x)).Select(v => v!.Value).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return new SpineSummary(
            sorted.Length,
            sorted[0],
            OfSorted(sorted, 0.05),
            OfSorted(sorted, 0.25),
            OfSorted(sorted, 0.5),
            OfSorted(sorted, 0.75),
            OfSorted(sorted, 0.95),
            sorted[^1]);
    }
}
