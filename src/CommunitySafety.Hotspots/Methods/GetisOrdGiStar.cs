using CommunitySafety.Hotspots.Grids;
using MathNet.Numerics.Distributions;

namespace CommunitySafety.Hotspots.Methods;

/// <summary>Whether a cell is a significant hot or cold spot, and at which level.</summary>
public enum HotspotSignificance
{
    /// <summary>Significantly low at 99% (adjusted p &lt; 0.01, z &lt; 0).</summary>
    Cold99 = -2,

    /// <summary>Significantly low at 95% (adjusted p &lt; 0.05, z &lt; 0).</summary>
    Cold95 = -1,

    /// <summary>Not significant, or the test is undefined for the cell.</summary>
    NotSignificant = 0,

    /// <summary>Significantly high at 95% (adjusted p &lt; 0.05, z &gt; 0).</summary>
    Hot95 = 1,

    /// <summary>Significantly high at 99% (adjusted p &lt; 0.01, z &gt; 0).</summary>
    Hot99 = 2,
}

/// <summary>How Gi* p-values are adjusted for testing every cell.</summary>
public enum PValueAdjustment
{
    /// <summary>Benjamini–Hochberg false discovery rate (the default).</summary>
    FalseDiscoveryRate,

    /// <summary>No adjustment: about 5% of cells will look significant at 95% by chance alone.</summary>
    None,
}

/// <summary>Getis-Ord Gi* for every cell of a grid.</summary>
/// <param name="Z">The Gi* z-score per cell; null where undefined (all values equal, or the cell's neighbours are the whole grid).</param>
/// <param name="P">Two-sided p-value from the standard normal distribution, null where Z is.</param>
/// <param name="PAdjusted">P adjusted for multiple comparisons (<see cref="Adjustment"/>).</param>
/// <param name="Significance">Hot or cold at 95% / 99% by the adjusted p-value.</param>
/// <param name="Adjustment">The adjustment applied.</param>
public sealed record GiStarResult(
    IReadOnlyList<double?> Z,
    IReadOnlyList<double?> P,
    IReadOnlyList<double?> PAdjusted,
    IReadOnlyList<HotspotSignificance> Significance,
    PValueAdjustment Adjustment)
{
    /// <summary>The number of cells that are hot spots at 95% or more.</summary>
    public int HotCount => Significance.Count(s => s > HotspotSignificance.NotSignificant);

    /// <summary>The number of cells that are cold spots at 95% or more.</summary>
    public int ColdCount => Significance.Count(s => s < HotspotSignificance.NotSignificant);
}

/// <summary>
/// The Getis-Ord Gi* statistic on a grid: is the total in a cell and its neighbours higher (hot spot) or
/// lower (cold spot) than chance would give?
/// </summary>
/// <remarks>
/// Ord, J.K. and Getis, A. (1995) "Local spatial autocorrelation statistics: distributional issues and an
/// application", <em>Geographical Analysis</em> 27(4), 286–306, with binary weights wᵢⱼ = 1 for the cell
/// itself and its adjacent cells (<see cref="HotspotGrid.Neighbours"/>):
/// Gᵢ* = (Σⱼ wᵢⱼxⱼ − x̄ Σⱼ wᵢⱼ) / (S √((n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1))), x̄ and S the mean and
/// (population) standard deviation of all n cells. Worked number: on a 3 × 3 grid of zeros with 9 in the
/// centre, the centre (all nine cells its queen neighbours) is undefined and a corner (4 neighbours, sum 9)
/// has z = (9 − 1 × 4) / (2.828 × √((9 × 4 − 16) / 8)) = 1.118.
/// </remarks>
public static class GetisOrdGiStar
{
    /// <summary>Gi* of <paramref name="values"/> (one per cell, in grid order), with FDR-adjusted p-values.</summary>
    public static GiStarResult Calculate(HotspotGrid grid, IReadOnlyList<double> values) =>
        Calculate(grid, values, PValueAdjustment.FalseDiscoveryRate);

    /// <summary>Gi* of counts (one per cell, in grid order), with FDR-adjusted p-values.</summary>
    public static GiStarResult Calculate(HotspotGrid grid, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Calculate(grid, counts.Select(c => (double)c).ToArray(), PValueAdjustment.FalseDiscoveryRate);
    }

    /// <summary>Gi* of <paramref name="values"/> (one per cell, in grid order).</summary>
    /// <exception cref="ArgumentException">There is not one value per cell.</exception>
    public static GiStarResult Calculate(HotspotGrid grid, IReadOnlyList<double> values, PValueAdjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(values);
        var n = grid.Count;
        if (values.Count != n)
        {
            throw new ArgumentException($"Gi* needs one value per cell: {values.Count} values for {n} cells.", nameof(values));
        }

        double sum = 0, sumSquares = 0;
        for (var i = 0; i < n; i++)
        {
            sum += values[i];
            sumSquares += values[i] * values[i];
        }

        var mean = sum / n;
        var variance = (sumSquares / n) - (mean * mean);
        var s = variance > 0 ? Math.Sqrt(variance) : 0;

        var z = new double?[n];
        var p = new double?[n];
        for (var i = 0; i < n; i++)
        {
            var neighbours = grid.Neighbours(i);
            double local = 0;
            foreach (var j in neighbours)
            {
                local += values[j];
            }

            // Binary weights: Σw = Σw² = number of neighbours.
            double w = neighbours.Length;
            var spread = ((n * w) - (w * w)) / (n - 1);
            if (s <= 0 || n < 2 || spread <= 0)
            {
                continue;
            }

            var zi = (local - (mean * w)) / (s * Math.Sqrt(spread));
            z[i] = zi;
            p[i] = 2 * Normal.CDF(0, 1, -Math.Abs(zi));
        }

        var adjusted = adjustment == PValueAdjustment.FalseDiscoveryRate ? FalseDiscoveryRate.BenjaminiHochberg(p) : p;
        var significance = new HotspotSignificance[n];
        for (var i = 0; i < n; i++)
        {
            significance[i] = Classify(z[i], adjusted[i]);
        }

        return new GiStarResult(z, p, adjusted, significance, adjustment);
    }

    /// <summary>The significance class of one cell from its z-score and adjusted p-value.</summary>
    public static HotspotSignificance Classify(double? z, double? pAdjusted)
    {
        if (z is not { } zv || pAdjusted is not { } pv || zv == 0)
        {
            return HotspotSignificance.NotSignificant;
        }

        var level = pv < 0.01 ? 2 : pv < 0.05 ? 1 : 0;
        return (HotspotSignificance)(zv > 0 ? level : -level);
    }
}
