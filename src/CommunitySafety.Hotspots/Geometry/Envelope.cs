using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Geometry;

/// <summary>An axis-aligned rectangle on the British National Grid, in metres.</summary>
/// <param name="MinEasting">West edge.</param>
/// <param name="MinNorthing">South edge.</param>
/// <param name="MaxEasting">East edge.</param>
/// <param name="MaxNorthing">North edge.</param>
public readonly record struct Envelope(double MinEasting, double MinNorthing, double MaxEasting, double MaxNorthing)
{
    /// <summary>East–west extent in metres.</summary>
    public double Width => MaxEasting - MinEasting;

    /// <summary>North–south extent in metres.</summary>
    public double Height => MaxNorthing - MinNorthing;

    /// <summary>The smallest envelope holding every point.</summary>
    /// <exception cref="ArgumentException">There are no points.</exception>
    public static Envelope Of(IEnumerable<GridPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double minE = double.PositiveInfinity, minN = double.PositiveInfinity;
        double maxE = double.NegativeInfinity, maxN = double.NegativeInfinity;
        foreach (var p in points)
        {
            minE = Math.Min(minE, p.Easting);
            minN = Math.Min(minN, p.Northing);
            maxE = Math.Max(maxE, p.Easting);
            maxN = Math.Max(maxN, p.Northing);
        }

        if (double.IsInfinity(minE))
        {
            throw new ArgumentException("An envelope needs at least one point.", nameof(points));
        }

        return new Envelope(minE, minN, maxE, maxN);
    }

    /// <summary>Whether <paramref name="point"/> lies inside or on the edge.</summary>
    public bool Contains(GridPoint point) =>
        point.Easting >= MinEasting && point.Easting <= MaxEasting &&
        point.Northing >= MinNorthing && point.Northing <= MaxNorthing;
}
