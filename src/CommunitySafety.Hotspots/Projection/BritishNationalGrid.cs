namespace CommunitySafety.Hotspots.Projection;

/// <summary>
/// WGS84 longitude/latitude to and from the British National Grid (OSGB36, EPSG:27700), with the datum
/// shift between them.
/// </summary>
/// <remarks>
/// <para>Method and constants from Ordnance Survey, <em>A guide to coordinate systems in Great Britain</em>
/// (v3.6, 2020): the seven-parameter Helmert transformation ETRS89→OSGB36 of section 6.6 (tx −446.448 m,
/// ty +125.157 m, tz −542.060 m, s +20.4894 ppm, rx −0.1502″, ry −0.2470″, rz −0.8421″), the
/// latitude/longitude ↔ Cartesian conversions of annex B, and the transverse Mercator series of annex C
/// (Airy 1830 ellipsoid, F0 0.9996012717, true origin 49°N 2°W, false origin E 400 000 m, N −100 000 m).
/// WGS84 is treated as ETRS89, which the guide accepts at the metre level.</para>
/// <para>Accuracy: the Helmert shift is good to about 3–5 m across Great Britain (the guide's own figure);
/// the OSTN15 grid would be good to centimetres but is not needed for 100 m cells, and police.uk points are
/// already moved to anonymous map points. Without the shift points land 100–130 m away.</para>
/// <para>Worked example (guide, annex C): OSGB36 52°39′27.2531″N 1°43′4.5177″E projects to
/// E 651 409.903 m, N 313 177.270 m.</para>
/// </remarks>
public static class BritishNationalGrid
{
    /// <summary>The EPSG code of the British National Grid.</summary>
    public const int Epsg = 27700;

    private const double AiryA = 6_377_563.396;
    private const double AiryB = 6_356_256.909;
    private const double Grs80A = 6_378_137.000;
    private const double Grs80B = 6_356_752.3141;

    private const double F0 = 0.9996012717;
    private const double Phi0 = 49.0 * Math.PI / 180;
    private const double Lambda0 = -2.0 * Math.PI / 180;
    private const double E0 = 400_000;
    private const double N0 = -100_000;

    private const double ArcSecond = Math.PI / (180 * 3600);

    private static readonly Helmert Wgs84ToOsgb36Shift = new(
        -446.448, 125.157, -542.060, 20.4894e-6, -0.1502 * ArcSecond, -0.2470 * ArcSecond, -0.8421 * ArcSecond);

    /// <summary>Projects a WGS84 point to the British National Grid (Helmert datum shift, then transverse Mercator).</summary>
    public static GridPoint FromWgs84(GeoPoint wgs84) => ProjectOsgb36(Wgs84ToOsgb36(wgs84));

    /// <summary>Projects many WGS84 points; invalid points (non-finite or out of range) are skipped.</summary>
    public static List<GridPoint> FromWgs84(IEnumerable<GeoPoint> wgs84)
    {
        ArgumentNullException.ThrowIfNull(wgs84);
        var result = wgs84 is ICollection<GeoPoint> c ? new List<GridPoint>(c.Count) : [];
        foreach (var p in wgs84)
        {
            if (p.IsValid)
            {
                result.Add(FromWgs84(p));
            }
        }

        return result;
    }

    /// <summary>A British National Grid point back to WGS84 (inverse projection, then the reverse Helmert shift).</summary>
    /// <remarks>The reverse shift negates the seven parameters, as the guide does; the error this leaves is
    /// well under a centimetre.</remarks>
    public static GeoPoint ToWgs84(GridPoint grid) => Osgb36ToWgs84(UnprojectOsgb36(grid));

    /// <summary>Shifts WGS84 (ETRS89) longitude/latitude to OSGB36 longitude/latitude (height taken as 0).</summary>
    public static GeoPoint Wgs84ToOsgb36(GeoPoint wgs84) => Shift(wgs84, Grs80A, Grs80B, Wgs84ToOsgb36Shift, AiryA, AiryB);

    /// <summary>Shifts OSGB36 longitude/latitude to WGS84 (ETRS89) longitude/latitude (height taken as 0).</summary>
    public static GeoPoint Osgb36ToWgs84(GeoPoint osgb36) => Shift(osgb36, AiryA, AiryB, Wgs84ToOsgb36Shift.Inverse(), Grs80A, Grs80B);

    /// <summary>The transverse Mercator projection of an OSGB36 (Airy 1830) point to National Grid metres (guide, annex C.1).</summary>
    public static GridPoint ProjectOsgb36(GeoPoint osgb36)
    {
        var phi = osgb36.Latitude * Math.PI / 180;
        var lambda = osgb36.Longitude * Math.PI / 180;
        var e2 = EccentricitySquared(AiryA, AiryB);

        var sinPhi = Math.Sin(phi);
        var cosPhi = Math.Cos(phi);
        var tanPhi = Math.Tan(phi);
        var tan2 = tanPhi * tanPhi;
        var tan4 = tan2 * tan2;
        var w = 1 - (e2 * sinPhi * sinPhi);
        var nu = AiryA * F0 / Math.Sqrt(w);
        var rho = AiryA * F0 * (1 - e2) / (w * Math.Sqrt(w));
        var eta2 = (nu / rho) - 1;

        var m = MeridionalArc(phi);
        var i = m + N0;
        var ii = nu / 2 * sinPhi * cosPhi;
        var iii = nu / 24 * sinPhi * Math.Pow(cosPhi, 3) * (5 - tan2 + (9 * eta2));
        var iiia = nu / 720 * sinPhi * Math.Pow(cosPhi, 5) * (61 - (58 * tan2) + tan4);
        var iv = nu * cosPhi;
        var v = nu / 6 * Math.Pow(cosPhi, 3) * ((nu / rho) - tan2);
        var vi = nu / 120 * Math.Pow(cosPhi, 5) * (5 - (18 * tan2) + tan4 + (14 * eta2) - (58 * tan2 * eta2));

        var dl = lambda - Lambda0;
        var dl2 = dl * dl;
        var northing = i + (ii * dl2) + (iii * dl2 * dl2) + (iiia * dl2 * dl2 * dl2);
        var easting = E0 + (iv * dl) + (v * dl2 * dl) + (vi * dl2 * dl2 * dl);
        return new GridPoint(easting, northing);
    }

    /// <summary>The inverse transverse Mercator: National Grid metres to OSGB36 longitude/latitude (guide, annex C.2).</summary>
    public static GeoPoint UnprojectOsgb36(GridPoint grid)
    {
        var e2 = EccentricitySquared(AiryA, AiryB);
        var phi = ((grid.Northing - N0) / (AiryA * F0)) + Phi0;
        var m = MeridionalArc(phi);
        for (var k = 0; k < 100 && Math.Abs(grid.Northing - N0 - m) >= 0.00001; k++)
        {
            phi += (grid.Northing - N0 - m) / (AiryA * F0);
            m = MeridionalArc(phi);
        }

        var sinPhi = Math.Sin(phi);
        var w = 1 - (e2 * sinPhi * sinPhi);
        var nu = AiryA * F0 / Math.Sqrt(w);
        var rho = AiryA * F0 * (1 - e2) / (w * Math.Sqrt(w));
        var eta2 = (nu / rho) - 1;
        var tanPhi = Math.Tan(phi);
        var tan2 = tanPhi * tanPhi;
        var tan4 = tan2 * tan2;
        var secPhi = 1 / Math.Cos(phi);

        var vii = tanPhi / (2 * rho * nu);
        var viii = tanPhi / (24 * rho * Math.Pow(nu, 3)) * (5 + (3 * tan2) + eta2 - (9 * tan2 * eta2));
        var ix = tanPhi / (720 * rho * Math.Pow(nu, 5)) * (61 + (90 * tan2) + (45 * tan4));
        var x = secPhi / nu;
        var xi = secPhi / (6 * Math.Pow(nu, 3)) * ((nu / rho) + (2 * tan2));
        var xii = secPhi / (120 * Math.Pow(nu, 5)) * (5 + (28 * tan2) + (24 * tan4));
        var xiia = secPhi / (5040 * Math.Pow(nu, 7)) * (61 + (662 * tan2) + (1320 * tan4) + (720 * tan4 * tan2));

        var de = grid.Easting - E0;
        var de2 = de * de;
        var lat = phi - (vii * de2) + (viii * de2 * de2) - (ix * de2 * de2 * de2);
        var lon = Lambda0 + (x * de) - (xi * de2 * de) + (xii * de2 * de2 * de) - (xiia * de2 * de2 * de2 * de);
        return new GeoPoint(lon * 180 / Math.PI, lat * 180 / Math.PI);
    }

    // Guide, annex C, formula C3 (M), on the Airy 1830 ellipsoid scaled by F0.
    private static double MeridionalArc(double phi)
    {
        var n = (AiryA - AiryB) / (AiryA + AiryB);
        var n2 = n * n;
        var n3 = n2 * n;
        var dp = phi - Phi0;
        var sp = phi + Phi0;
        return AiryB * F0 * (
            ((1 + n + (1.25 * n2) + (1.25 * n3)) * dp)
            - (((3 * n) + (3 * n2) + (21.0 / 8 * n3)) * Math.Sin(dp) * Math.Cos(sp))
            + (((15.0 / 8 * n2) + (15.0 / 8 * n3)) * Math.Sin(2 * dp) * Math.Cos(2 * sp))
            - (35.0 / 24 * n3 * Math.Sin(3 * dp) * Math.Cos(3 * sp)));
    }

    private static double EccentricitySquared(double a, double b) => ((a * a) - (b * b)) / (a * a);

    private static GeoPoint Shift(GeoPoint p, double fromA, double fromB, Helmert helmert, double toA, double toB)
    {
        var (x, y, z) = ToCartesian(p, fromA, fromB);
        var (x2, y2, z2) = helmert.Apply(x, y, z);
        return FromCartesian(x2, y2, z2, toA, toB);
    }

    // Guide, annex B.1 (height 0).
    private static (double X, double Y, double Z) ToCartesian(GeoPoint p, double a, double b)
    {
        var phi = p.Latitude * Math.PI / 180;
        var lambda = p.Longitude * Math.PI / 180;
        var e2 = EccentricitySquared(a, b);
        var sinPhi = Math.Sin(phi);
        var nu = a / Math.Sqrt(1 - (e2 * sinPhi * sinPhi));
        return (nu * Math.Cos(phi) * Math.Cos(lambda), nu * Math.Cos(phi) * Math.Sin(lambda), (1 - e2) * nu * sinPhi);
    }

    // Guide, annex B.2: latitude by iteration to well under a millimetre.
    private static GeoPoint FromCartesian(double x, double y, double z, double a, double b)
    {
        var e2 = EccentricitySquared(a, b);
        var lambda = Math.Atan2(y, x);
        var p = Math.Sqrt((x * x) + (y * y));
        var phi = Math.Atan2(z, p * (1 - e2));
        for (var k = 0; k < 10; k++)
        {
            var sinPhi = Math.Sin(phi);
            var nu = a / Math.Sqrt(1 - (e2 * sinPhi * sinPhi));
            var next = Math.Atan2(z + (e2 * nu * sinPhi), p);
            if (Math.Abs(next - phi) < 1e-12)
            {
                phi = next;
                break;
            }

            phi = next;
        }

        return new GeoPoint(lambda * 180 / Math.PI, phi * 180 / Math.PI);
    }

    private readonly record struct Helmert(double Tx, double Ty, double Tz, double S, double Rx, double Ry, double Rz)
    {
        public Helmert Inverse() => new(-Tx, -Ty, -Tz, -S, -Rx, -Ry, -Rz);

        // Guide, section 6.2, small-angle form.
        public (double X, double Y, double Z) Apply(double x, double y, double z) => (
            Tx + ((1 + S) * x) - (Rz * y) + (Ry * z),
            Ty + (Rz * x) + ((1 + S) * y) - (Rx * z),
            Tz - (Ry * x) + (Rx * y) + ((1 + S) * z));
    }
}
