namespace CommunitySafety.Hotspots.Projection;

/// <summary>A position as longitude and latitude in decimal degrees (WGS84 for police.uk data).</summary>
/// <param name="Longitude">Degrees east of Greenwich (negative west).</param>
/// <param name="Latitude">Degrees north of the equator.</param>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>Whether both coordinates are finite and within ±180° / ±90°.</summary>
    public bool IsValid =>
        double.IsFinite(Longitude) && double.IsFinite(Latitude) &&
        Math.Abs(Longitude) <= 180 && Math.Abs(Latitude) <= 90;
}

/// <summary>A position on the British National Grid (EPSG:27700), in metres.</summary>
/// <param name="Easting">Metres east of the false origin.</param>
/// <param name="Northing">Metres north of the false origin.</param>
public readonly record struct GridPoint(double Easting, double Northing)
{
    /// <summary>The straight-line distance to <paramref name="other"/> in metres.</summary>
    public double DistanceTo(GridPoint other)
    {
        var de = Easting - other.Easting;
        var dn = Northing - other.Northing;
        return Math.Sqrt((de * de) + (dn * dn));
    }
}
