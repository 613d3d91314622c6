namespace CommunitySafety.Statistics;

/// <summary>One point of a Lorenz curve: the poorest <see cref="UnitShare"/> of units hold <see cref="CountShare"/> of the count.</summary>
/// <param name="UnitShare">Cumulative share of units (places, LSOAs), 0 to 1, fewest records first.</param>
/// <param name="CountShare">Cumulative share of the records they hold, 0 to 1.</param>
public readonly record struct LorenzPoint(double UnitShare, double CountShare);

/// <summary>How unequally a count (crimes) is spread over units (LSOAs, places).</summary>
/// <param name="Units">Number of units, including those with none.</param>
/// <param name="Total">The total count.</param>
/// <param name="Gini">The Gini coefficient, 0 (every unit the same) to (n − 1)/n (all in one unit); null when the total is 0.</param>
/// <param name="Lorenz">The Lorenz curve, (0, 0) first and (1, 1) last, one point per unit.</param>
public sealed record ConcentrationResult(int Units, long Total, double? Gini, IReadOnlyList<LorenzPoint> Lorenz);

/// <summary>
/// Concentration measures of counts over units: the share held by the top fraction of units, the Lorenz curve and the
/// Gini coefficient.
/// </summary>
/// <remarks>
/// <para>Gini coefficient from the ordered values x₍₁₎ ≤ … ≤ x₍ₙ₎ with total T:
/// G = 2 Σᵢ i·x₍ᵢ₎ / (n·T) − (n + 1)/n, which equals the mean absolute difference over all ordered pairs divided by twice
/// the mean, Σᵢ Σⱼ |xᵢ − xⱼ| / (2n²·x̄) (Damgaard &amp; Weiner, "Describing inequality in plant size or fecundity", Ecology
/// 2000;81:1139–1142, eq. 1–2; used for crime at places by Bernasco &amp; Steenbeek, "More places than crimes", J Quant
/// Criminol 2017;33:451–467). Worked number: 0, 1, 2, 7 gives 2·36/(4·10) − 5/4 = 0.55.</para>
/// <para>Lorenz curve: after sorting ascending, the points (i/n, (x₍₁₎ + … + x₍ᵢ₎)/T) for i = 0 … n. The top share is
/// the count of the ⌈f·n⌉ units with the most, divided by T (ties at the boundary do not change the sum).</para>
/// <para>With few records for many units the Gini is high by construction (many units must have none): Bernasco and
/// Steenbeek's generalised Gini corrects that; the plain coefficient is given here and said to be on counts.</para>
/// </remarks>
public static class Concentration
{
    /// <summary>The Gini coefficient and Lorenz curve of <paramref name="counts"/> (one per unit, zeros included).</summary>
    /// <param name="counts">Non-negative counts, at least one.</param>
    /// <returns>The result.</returns>
    public static ConcentrationResult Of(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            throw new ArgumentException("At least one unit is needed.", nameof(counts));
        }

        if (counts.Any(c => c < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(counts), "Counts must not be negative.");
        }

        var sorted = counts.Order().ToArray();
        var n = sorted.Length;
        var total = sorted.Sum();
        var lorenz = new List<LorenzPoint>(n + 1) { new(0, 0) };
        double weighted = 0;
        long running = 0;
        for (var i = 0; i < n; i++)
        {
            weighted += (i + 1) * (double)sorted[i];
            running += sorted[i];
            lorenz.Add(new LorenzPoint((i + 1) / (double)n, total == 0 ? 0 : running / (double)total));
        }

        double? gini = total == 0 ? null : 2 * weighted / (n * (double)total) - (n + 1) / (double)n;
        return new ConcentrationResult(n, total, gini, lorenz);
    }

    /// <summary>The number of units in the top <paramref name="fraction"/>: ⌈fraction·n⌉, at least 1.</summary>
    /// <param name="units">Number of units, at least 1.</param>
    /// <param name="fraction">The fraction, above 0 and at most 1 (0.05 for the top 5%).</param>
    /// <returns>The number of units.</returns>
    public static int TopUnits(int units, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), "The fraction must be above 0 and at most 1.");
        }

        // The small epsilon keeps 0.05 × 100 at 5, not 6 from floating-point error.
        return Math.Max(1, (int)Math.Ceiling(fraction * units - 1e-9));
    }

    /// <summary>The count held by the ⌈fraction·n⌉ units with the most, and its share of the total (null when the total is 0).</summary>
    /// <param name="counts">Non-negative counts, one per unit (zeros included), at least one.</param>
    /// <param name="fraction">The fraction of units, e.g. 0.05.</param>
    /// <returns>The number of units, their count and its share.</returns>
    public static (int Units, long Count, double? Share) TopShare(IReadOnlyList<long> counts, double fraction)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var k = TopUnits(counts.Count, fraction);
        var top = counts.OrderDescending().Take(k).Sum();
        var total = counts.Sum();
        return (k, top, total == 0 ? null : top / (double)total);
    }
}
