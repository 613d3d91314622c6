using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Internals;

/// <summary>
/// The funnel limits of one assessment, kept by (target, denominator, multiplier) so that the benchmark row and the funnel
/// point of the same area and line share one computation. The limits are <see cref="FunnelPlot.RateLimits"/> (exact
/// Poisson limits, Spiegelhalter 2005), computed from the same inputs, so the numbers are identical to computing them twice.
/// </summary>
/// <remarks>Not thread-safe: one per assessment.</remarks>
internal sealed class FunnelLimitsCache
{
    private readonly Dictionary<(double Target, double Denominator, double Multiplier), FunnelLimits> _limits = [];

    /// <summary>The limits of <see cref="FunnelPlot.RateLimits"/>, computed once per distinct input.</summary>
    /// <param name="targetRate">The target rate per <paramref name="multiplier"/>.</param>
    /// <param name="denominator">Population, &gt; 0.</param>
    /// <param name="multiplier">Per how many.</param>
    /// <returns>The limits.</returns>
    public FunnelLimits RateLimits(double targetRate, double denominator, double multiplier)
    {
        var key = (targetRate, denominator, multiplier);
        if (!_limits.TryGetValue(key, out var limits))
        {
            limits = FunnelPlot.RateLimits(targetRate, denominator, multiplier);
            _limits.Add(key, limits);
        }

        return limits;
    }
}
