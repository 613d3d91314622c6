using System.Globalization;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Methods;

/// <summary>The kernel (weighting by distance) of a kernel density estimate.</summary>
public enum Kernel
{
    /// <summary>
    /// Quartic (biweight): K(d) = 3 / (π h²) × (1 − d²/h²)² for d &lt; h, else 0. The bandwidth h is the
    /// search radius. The default in crime mapping (and in sfhotspot through SpatialKDE).
    /// </summary>
    Quartic,

    /// <summary>
    /// Gaussian: K(d) = 1 / (2π σ²) × exp(−d² / 2σ²) with σ = h / 4, the scale MASS::kde2d gives the same
    /// bandwidth h; cut off at 1.5 h (6 σ), where the weight is below 10⁻⁷ of the peak.
    /// </summary>
    Gaussian,
}

/// <summary>Options for <see cref="KernelDensity.Estimate(HotspotGrid, IReadOnlyList{GridPoint}, KernelDensityOptions)"/>.</summary>
public readonly record struct KernelDensityOptions
{
    /// <summary>Quartic kernel, rule-of-thumb bandwidth.</summary>
    public static KernelDensityOptions Default { get; } = new();

    /// <summary>Creates the default options.</summary>
    public KernelDensityOptions()
    {
    }

    /// <summary>Quartic (default) or Gaussian.</summary>
    public Kernel Kernel { get; init; } = Kernel.Quartic;

    /// <summary>The bandwidth in metres, or <see langword="null"/> for <see cref="KernelDensity.RuleOfThumbBandwidth"/>.</summary>
    public double? Bandwidth { get; init; }

    /// <summary>Multiplies the bandwidth (given or automatic), as sfhotspot's <c>bandwidth_adjust</c>; 1 by default.</summary>
    public double BandwidthAdjust { get; init; } = 1;
}

/// <summary>A kernel density surface on a grid.</summary>
/// <param name="Density">Estimated points per square kilometre at each cell's centre, in grid cell order. Summed
/// over the cells and multiplied by the cell area it comes back to about the number of points (less what
/// falls off the edge).</param>
/// <param name="Kernel">The kernel used.</param>
/// <param name="Bandwidth">The bandwidth used, in metres (after the adjustment).</param>
/// <param name="BandwidthIsAutomatic">Whether the bandwidth came from the rule of thumb.</param>
/// <param name="Warnings">Things the reader must know, such as a bandwidth smaller than the cells.</param>
public sealed record KernelDensityResult(
    IReadOnlyList<double> Density,
    Kernel Kernel,
    double Bandwidth,
    bool BandwidthIsAutomatic,
    IReadOnlyList<string> Warnings);

/// <summary>Kernel density estimation of points on a <see cref="HotspotGrid"/>.</summary>
/// <remarks>
/// Each cell's value is Σ K(dᵢ) over the points, dᵢ the distance from the cell's centre to point i, scaled
/// to points per km². See <see cref="Kernel"/> for the two kernels and <see cref="RuleOfThumbBandwidth"/>
/// for the default bandwidth. Reference: Yin, P. (2020) "Kernels and Density Estimation", GIS&amp;T Body
/// of Knowledge; Chainey, S. (2021) <em>Understanding Crime</em>, Esri Press.
/// </remarks>
public static class KernelDensity
{
    private const double SquareMetresPerSquareKilometre = 1e6;

    /// <summary>Estimates the density of <paramref name="points"/> at every cell of <paramref name="grid"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The bandwidth or adjustment is not a positive number.</exception>
    public static KernelDensityResult Estimate(HotspotGrid grid, IReadOnlyList<GridPoint> points, KernelDensityOptions options)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(points);
        if (!double.IsFinite(options.BandwidthAdjust) || options.BandwidthAdjust <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BandwidthAdjust, "The bandwidth adjustment must be a positive number.");
        }

        if (options.Bandwidth is { } given && (!double.IsFinite(given) || given <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), given, "The bandwidth must be a positive number of metres.");
        }

        var warnings = new List<string>(grid.Notes);
        var automatic = options.Bandwidth is null;
        var h = options.Bandwidth ?? RuleOfThumbBandwidth(points);
        if (h <= 0)
        {
            h = grid.CellSize;
            warnings.Add(F($"The points have no spread, so the rule-of-thumb bandwidth is zero; the cell size ({h:0} m) is used instead."));
        }

        h *= options.BandwidthAdjust;
        if (h < grid.CellSize)
        {
            warnings.Add(F($"The bandwidth ({h:0} m) is smaller than the cell size ({grid.CellSize:0} m): the surface shows isolated spots rather than a smooth density. Use a larger bandwidth or smaller cells."));
        }

        var density = new double[grid.Count];
        Accumulate(grid, points, options.Kernel, h, density);
        return new KernelDensityResult(density, options.Kernel, h, automatic, warnings);
    }

    /// <summary>Estimates with a quartic kernel and the rule-of-thumb bandwidth.</summary>
    public static KernelDensityResult Estimate(HotspotGrid grid, IReadOnlyList<GridPoint> points) =>
        Estimate(grid, points, KernelDensityOptions.Default);

    /// <summary>
    /// The default bandwidth in metres: the mean of the normal reference distribution rule applied to the
    /// eastings and to the northings, as sfhotspot does with <c>MASS::bandwidth.nrd</c>.
    /// </summary>
    /// <remarks>
    /// For one coordinate x of n points: h = 4 × 1.06 × min(s, IQR / 1.34) × n^(−1/5), with s the sample
    /// standard deviation and IQR the interquartile range (quantiles by linear interpolation, R's type 7).
    /// Scott (1992) and Venables &amp; Ripley (2002) <em>Modern Applied Statistics with S</em>. Example: for
    /// eastings 0, 100, 200, 300, 400 (s = 158.1, IQR = 200, so min = 149.3) h = 4 × 1.06 × 149.25 × 5^(−0.2) = 458.7 m.
    /// Returns 0 when there are fewer than two points or no spread.
    /// </remarks>
    public static double RuleOfThumbBandwidth(IReadOnlyList<GridPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return 0;
        }

        var xs = new double[points.Count];
        var ys = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            xs[i] = points[i].Easting;
            ys[i] = points[i].Northing;
        }

        return (NormalReferenceBandwidth(xs) + NormalReferenceBandwidth(ys)) / 2;
    }

    /// <summary>MASS::bandwidth.nrd for one coordinate; sorts <paramref name="values"/> in place.</summary>
    internal static double NormalReferenceBandwidth(double[] values)
    {
        var n = values.Length;
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= n;
        var ss = 0.0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        var sd = Math.Sqrt(ss / (n - 1));
        Array.Sort(values);
        var iqr = Quantile7(values, 0.75) - Quantile7(values, 0.25);
        return 4 * 1.06 * Math.Min(sd, iqr / 1.34) * Math.Pow(n, -0.2);
    }

    private static double Quantile7(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    // Point by point, add each point's kernel to the cells whose centres are within reach.
    private static void Accumulate(HotspotGrid grid, IReadOnlyList<GridPoint> points, Kernel kernel, double h, double[] density)
    {
        var reach = kernel == Kernel.Quartic ? h : 1.5 * h;
        var reach2 = reach * reach;
        var sigma = h / 4;
        var quarticScale = 3 / (Math.PI * h * h) * SquareMetresPerSquareKilometre;
        var gaussScale = 1 / (2 * Math.PI * sigma * sigma) * SquareMetresPerSquareKilometre;
        var invH2 = 1 / (h * h);
        var invTwoSigma2 = 1 / (2 * sigma * sigma);
        var size = grid.CellSize;
        var dy = grid.RowSpacing;
        var square = grid.Shape == CellShape.Square;
        var x0 = grid.OriginEasting;
        var y0 = grid.OriginNorthing;

        var centreE = new double[grid.Count];
        var centreN = new double[grid.Count];
        for (var i = 0; i < grid.Count; i++)
        {
            centreE[i] = grid.Cells[i].Centre.Easting;
            centreN[i] = grid.Cells[i].Centre.Northing;
        }

        // police.uk points sit on shared anonymous map points: each distinct location is visited once, weighted.
        var weights = new Dictionary<GridPoint, int>();
        foreach (var p in points)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(weights, p, out _)++;
        }

        foreach (var (p, weight) in weights)
        {
            int r0, r1;
            if (square)
            {
                r0 = (int)Math.Floor((p.Northing - reach - y0) / size);
                r1 = (int)Math.Floor((p.Northing + reach - y0) / size);
            }
            else
            {
                r0 = (int)Math.Floor((p.Northing - reach - y0) / dy);
                r1 = (int)Math.Ceiling((p.Northing + reach - y0) / dy);
            }

            r0 = Math.Max(r0, 0);
            r1 = Math.Min(r1, grid.Rows - 1);
            for (var r = r0; r <= r1; r++)
            {
                int c0, c1;
                if (square)
                {
                    c0 = (int)Math.Floor((p.Easting - reach - x0) / size);
                    c1 = (int)Math.Floor((p.Easting + reach - x0) / size);
                }
                else
                {
                    c0 = (int)Math.Floor((p.Easting - reach - x0) / size) - 1;
                    c1 = (int)Math.Ceiling((p.Easting + reach - x0) / size);
                }

                c0 = Math.Max(c0, 0);
                c1 = Math.Min(c1, grid.Columns - 1);
                for (var c = c0; c <= c1; c++)
                {
                    var i = grid.CellAt(c, r);
                    if (i < 0)
                    {
                        continue;
                    }

                    var de = centreE[i] - p.Easting;
                    var dn = centreN[i] - p.Northing;
                    var d2 = (de * de) + (dn * dn);
                    if (d2 >= reach2)
                    {
                        continue;
                    }

                    if (kernel == Kernel.Quartic)
                    {
                        var u = 1 - (d2 * invH2);
                        density[i] += weight * quarticScale * u * u;
                    }
                    else
                    {
                        density[i] += weight * gaussScale * Math.Exp(-d2 * invTwoSigma2);
                    }
                }
            }
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
