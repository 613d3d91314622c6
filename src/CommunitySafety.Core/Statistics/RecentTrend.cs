namespace CommunitySafety.Statistics;

/// <summary>One period of a rate series: the value and its 95% interval (all null when missing).</summary>
/// <param name="Value">The rate.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
public readonly record struct RateTrendPoint(double? Value, double? Lower95, double? Upper95);

/// <summary>One period of a proportion series (null when missing); modelled or standardised numbers need not be whole.</summary>
/// <param name="Numerator">Number with the characteristic.</param>
/// <param name="Denominator">Number in the group.</param>
public readonly record struct ProportionTrendPoint(double? Numerator, double? Denominator);

/// <summary>The recent trend of a series.</summary>
/// <param name="Marker">The trend marker.</param>
/// <param name="Direction">Higher for a significant increase, Lower for a decrease, Similar otherwise.</param>
/// <param name="Slope">Change per period: the weighted least-squares slope for rates, the slope of the proportion for proportions.</param>
/// <param name="ChiSquared">The test statistic on one degree of freedom.</param>
/// <param name="PointsUsed">Points used (5), or 0 when not calculated.</param>
public sealed record TrendResult(TrendMarker Marker, Direction Direction, double? Slope, double? ChiSquared, int PointsUsed)
{
    /// <summary>The result when the trend cannot be calculated.</summary>
    public static TrendResult CannotBeCalculated { get; } = new(TrendMarker.CannotBeCalculated, Direction.NotCompared, null, null, 0);
}

/// <summary>
/// Fingertips "Recent trends": a test for trend on the five most recent consecutive points, significant at 99.8%.
/// </summary>
/// <remarks>
/// <para>Rates: weighted least squares of value on period (1 … 5) with weights 1/SE², SE = (upper95 − lower95)/(2z);
/// χ² = b² / Var(b), Var(b) = 1/Σwᵢ(xᵢ − x̄_w)². Proportions: the chi-squared test for trend (Cochran–Armitage),
/// χ² = [Σxᵢ(rᵢ − nᵢp)]² / (p(1 − p)[Σnᵢxᵢ² − (Σnᵢxᵢ)²/N]). Significant when χ² &gt; 9.54953570608324 (99.8%, 1 df) and
/// the sign of the slope is unchanged when each of the five points is left out in turn.</para>
/// <para>Source: PHE Fingertips, "Recent trends: methodology" (Public Health Profiles technical documentation);
/// Armitage, Berry &amp; Matthews, Statistical Methods in Medical Research, 4th ed., §15.2 (test for trend).</para>
/// <para>Worked number: the proportions 100, 120, 140, 160, 180 of 1,000 each give χ² = 33.22 and
/// "Increasing and getting better" where high is good; 100, 110, 120, 130, 140 give χ² = 9.47, "No significant change".</para>
/// </remarks>
public static class RecentTrend
{
    /// <summary>Number of most recent points used.</summary>
    public const int Points = 5;

    /// <summary>χ²(0.998; 1), the 99.8% critical value.</summary>
    public const double ChiSquaredThreshold = 9.54953570608324;

    /// <summary>The trend of a rate series, oldest first; only the last five points are used.</summary>
    /// <param name="series">One point per consecutive period, oldest first.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="zConvention">The z used to produce the intervals, to recover the standard errors.</param>
    /// <returns>The trend.</returns>
    public static TrendResult ForRates(IReadOnlyList<RateTrendPoint> series, Polarity polarity, ZConvention zConvention = ZConvention.ExactQuantile) =>
        ForRates(series, polarity, ZValues.For95(zConvention));

    /// <summary>The trend of a rate series whose 95% intervals were made with the normal quantile <paramref name="z95"/>.</summary>
    /// <param name="series">One point per consecutive period, oldest first.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="z95">The z of the 95% intervals, e.g. 1.959964 or 1.96, to recover the standard errors.</param>
    /// <returns>The trend.</returns>
    public static TrendResult ForRates(IReadOnlyList<RateTrendPoint> series, Polarity polarity, double z95)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z95);
        if (series.Count < Points)
        {
            return TrendResult.CannotBeCalculated;
        }

        Span<double> y = stackalloc double[Points];
        Span<double> w = stackalloc double[Points];
        for (var i = 0; i < Points; i++)
        {
            var point = series[series.Count - Points + i];
            if (point.Value is not { } v || point.Lower95 is not { } l || point.Upper95 is not { } u)
            {
                return TrendResult.CannotBeCalculated;
            }

            var se = (u - l) / (2 * z95);
            if (!(se > 0) || !double.IsFinite(v))
            {
                return TrendResult.CannotBeCalculated;
            }

            y[i] = v;
            w[i] = 1 / (se * se);
        }

        var (slope, chi) = WeightedSlope(y, w, skip: -1);
        var stable = true;
        for (var skip = 0; skip < Points && stable; skip++)
        {
            stable = Math.Sign(WeightedSlope(y, w, skip).Slope) == Math.Sign(slope);
        }

        return Result(slope, chi, stable, polarity);
    }

    /// <summary>
    /// The trend of a proportion series, oldest first; only the last five points are used. A point with no
    /// denominator, a numerator outside 0 … denominator, or a numerator equal to its denominator (a proportion of 1,
    /// whose variance is 0: Fingertips guards that division) gives "Cannot be calculated".
    /// </summary>
    /// <param name="series">One point per consecutive period, oldest first.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>The trend.</returns>
    public static TrendResult ForProportions(IReadOnlyList<ProportionTrendPoint> series, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < Points)
        {
            return TrendResult.CannotBeCalculated;
        }

        Span<double> r = stackalloc double[Points];
        Span<double> n = stackalloc double[Points];
        for (var i = 0; i < Points; i++)
        {
            var point = series[series.Count - Points + i];
            if (point.Numerator is not { } num || point.Denominator is not { } den || !(den > 0) || !(num >= 0) || num >= den
                || double.IsInfinity(den))
            {
                return TrendResult.CannotBeCalculated;
            }

            r[i] = num;
            n[i] = den;
        }

        var (slope, chi) = ArmitageTrend(r, n, skip: -1);
        if (double.IsNaN(chi))
        {
            return TrendResult.CannotBeCalculated;
        }

        var stable = true;
        for (var skip = 0; skip < Points && stable; skip++)
        {
            stable = Math.Sign(ArmitageTrend(r, n, skip).Slope) == Math.Sign(slope);
        }

        return Result(slope, chi, stable, polarity);
    }

    private static TrendResult Result(double slope, double chi, bool stable, Polarity polarity)
    {
        var direction = chi > ChiSquaredThreshold && stable && slope != 0
            ? (slope > 0 ? Direction.Higher : Direction.Lower)
            : Direction.Similar;
        var marker = (direction, PolarityRules.IsImprovement(direction, polarity)) switch
        {
            (Direction.Similar, _) => TrendMarker.NoSignificantChange,
            (Direction.Higher, true) => TrendMarker.IncreasingAndGettingBetter,
            (Direction.Higher, false) => TrendMarker.IncreasingAndGettingWorse,
            (Direction.Higher, null) => TrendMarker.Increasing,
            (_, true) => TrendMarker.DecreasingAndGettingBetter,
            (_, false) => TrendMarker.DecreasingAndGettingWorse,
            _ => TrendMarker.Decreasing,
        };
        return new TrendResult(marker, direction, slope, chi, Points);
    }

    // Weighted least squares of y on x = 1..5, leaving out index `skip` (or none when -1).
    private static (double Slope, double ChiSquared) WeightedSlope(ReadOnlySpan<double> y, ReadOnlySpan<double> w, int skip)
    {
        double sw = 0, swx = 0, swy = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            sw += w[i];
            swx += w[i] * (i + 1);
            swy += w[i] * y[i];
        }

        double xBar = swx / sw, yBar = swy / sw, sxx = 0, sxy = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            var dx = i + 1 - xBar;
            sxx += w[i] * dx * dx;
            sxy += w[i] * dx * (y[i] - yBar);
        }

        var slope = sxy / sxx;
        return (slope, slope * slope * sxx);
    }

    // Chi-squared test for trend in proportions with scores 1..5, leaving out index `skip` (or none when -1).
    private static (double Slope, double ChiSquared) ArmitageTrend(ReadOnlySpan<double> r, ReadOnlySpan<double> n, int skip)
    {
        double sr = 0, sn = 0, snx = 0, snx2 = 0, srx = 0;
        for (var i = 0; i < r.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            double x = i + 1;
            sr += r[i];
            sn += n[i];
            snx += n[i] * x;
            snx2 += n[i] * x * x;
            srx += r[i] * x;
        }

        var p = sr / sn;
        var sxx = snx2 - (snx * snx / sn);
        var numerator = srx - (p * snx);
        var variance = p * (1 - p) * sxx;
        var chi = variance > 0 ? numerator * numerator / variance : double.NaN;
        return (numerator / sxx, chi);
    }
}
