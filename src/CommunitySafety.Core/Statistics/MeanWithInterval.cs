using CommunitySafety.Statistics.Internals;

namespace CommunitySafety.Statistics;

/// <summary>A mean with Student-t 95% and 99.8% limits; limits are null with fewer than two values.</summary>
/// <param name="Count">Number of values.</param>
/// <param name="Value">The mean; null with no values.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1); null with fewer than two values.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Lower998">Lower 99.8% limit.</param>
/// <param name="Upper998">Upper 99.8% limit.</param>
public sealed record MeanResult(
    int Count,
    double? Value,
    double? StandardDeviation,
    double? Lower95,
    double? Upper95,
    double? Lower998,
    double? Upper998);

/// <summary>
/// Means with Student-t confidence limits: mean ± t(1 − α/2; n − 1) × s/√n.
/// </summary>
/// <remarks>
/// Source: PHE "Technical Guide: Confidence Intervals" (2018), means; PHEindicatormethods' <c>phe_mean</c>.
/// Worked number: the values 1 … 10 have mean 5.5, s = 3.02765, 95% limits 3.33415 to 7.66585 (t = 2.262157).
/// </remarks>
public static class MeanWithInterval
{
    /// <summary>The mean of <paramref name="values"/> with Student-t limits.</summary>
    /// <param name="values">The values; NaN is not allowed.</param>
    /// <returns>The mean and its limits.</returns>
    public static MeanResult Calculate(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n == 0)
        {
            return new MeanResult(0, null, null, null, null, null, null);
        }

        double sum = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("Values cannot be NaN; leave missing values out.", nameof(values));
            }

            sum += v;
        }

        var mean = sum / n;
        if (n < 2)
        {
            return new MeanResult(n, mean, null, null, null, null, null);
        }

        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var sd = Math.Sqrt(squares / (n - 1));
        return FromSummary(n, mean, sd);
    }

    /// <summary>Limits from a published summary: count, mean and sample standard deviation.</summary>
    /// <param name="count">Number of values, ≥ 2.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">Sample standard deviation (n − 1 divisor).</param>
    /// <returns>The mean and its limits.</returns>
    public static MeanResult FromSummary(int count, double mean, double standardDeviation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        var se = standardDeviation / Math.Sqrt(count);
        var t95 = Distributions.StudentTQuantile(0.975, count - 1);
        var t998 = Distributions.StudentTQuantile(0.999, count - 1);
        return new MeanResult(
            count, mean, standardDeviation, mean - (t95 * se), mean + (t95 * se), mean - (t998 * se), mean + (t998 * se));
    }
}
