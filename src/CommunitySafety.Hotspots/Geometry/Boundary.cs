using System.Text.Json;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Geometry;

/// <summary>
/// An area's boundary (one or more polygons, with holes) on the British National Grid, such as a local
/// authority district. Rings are combined by the even–odd rule, so holes and islands need no labels.
/// </summary>
public sealed class Boundary
{
    private readonly GridPoint[][] _rings;

    private Boundary(GridPoint[][] rings)
    {
        _rings = rings;
        Envelope = Envelope.Of(rings.SelectMany(r => r));
    }

    /// <summary>The rings (outer rings and holes), each a closed or open list of vertices.</summary>
    public IReadOnlyList<IReadOnlyList<GridPoint>> Rings => _rings;

    /// <summary>The bounding box of every ring.</summary>
    public Envelope Envelope { get; }

    /// <summary>A boundary from rings already on the British National Grid.</summary>
    /// <exception cref="ArgumentException">No ring has at least three vertices.</exception>
    public static Boundary FromRings(IEnumerable<IReadOnlyList<GridPoint>> rings)
    {
        ArgumentNullException.ThrowIfNull(rings);
        var kept = rings.Select(Open).Where(r => r.Length >= 3).ToArray();
        if (kept.Length == 0)
        {
            throw new ArgumentException("A boundary needs at least one ring of three or more vertices.", nameof(rings));
        }

        return new Boundary(kept);
    }

    /// <summary>
    /// Reads a GeoJSON boundary in WGS84 longitude/latitude (RFC 7946) and projects it to the British
    /// National Grid. Accepts a FeatureCollection, a Feature or a bare geometry, of type Polygon or
    /// MultiPolygon; a GeoJSON-lines file's first line is one Feature.
    /// </summary>
    /// <exception cref="FormatException">The text is not GeoJSON with a polygon in it.</exception>
    public static Boundary FromGeoJson(string geoJson)
    {
        ArgumentNullException.ThrowIfNull(geoJson);
        var rings = new List<IReadOnlyList<GridPoint>>();
        try
        {
            using var document = JsonDocument.Parse(geoJson);
            CollectRings(document.RootElement, rings);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The boundary is not valid GeoJSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"The boundary GeoJSON has an unexpected shape: {e.Message}", e);
        }

        if (rings.Count == 0)
        {
            throw new FormatException("The boundary GeoJSON has no Polygon or MultiPolygon geometry.");
        }

        return FromRings(rings);
    }

    /// <summary>Whether <paramref name="point"/> is inside the boundary (even–odd rule; points on an edge may go either way).</summary>
    public bool Contains(GridPoint point)
    {
        if (!Envelope.Contains(point))
        {
            return false;
        }

        var inside = false;
        foreach (var ring in _rings)
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var a = ring[i];
                var b = ring[j];
                if ((a.Northing > point.Northing) != (b.Northing > point.Northing))
                {
                    var x = a.Easting + ((point.Northing - a.Northing) / (b.Northing - a.Northing) * (b.Easting - a.Easting));
                    if (point.Easting < x)
                    {
                        inside = !inside;
                    }
                }
            }
        }

        return inside;
    }

    /// <summary>Eastings where the horizontal line at <paramref name="northing"/> crosses an edge, sorted.</summary>
    internal double[] Crossings(double northing)
    {
        var xs = new List<double>();
        foreach (var ring in _rings)
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var a = ring[i];
                var b = ring[j];
                if ((a.Northing > northing) != (b.Northing > northing))
                {
                    xs.Add(a.Easting + ((northing - a.Northing) / (b.Northing - a.Northing) * (b.Easting - a.Easting)));
                }
            }
        }

        xs.Sort();
        return [.. xs];
    }

    /// <summary>Every edge of every ring, as pairs of vertices.</summary>
    internal IEnumerable<(GridPoint A, GridPoint B)> Edges()
    {
        foreach (var ring in _rings)
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                yield return (ring[j], ring[i]);
            }
        }
    }

    private static GridPoint[] Open(IReadOnlyList<GridPoint> ring)
    {
        var n = ring.Count;
        if (n > 1 && ring[0] == ring[n - 1])
        {
            n--;
        }

        var result = new GridPoint[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = ring[i];
        }

        return result;
    }

    private static void CollectRings(JsonElement element, List<IReadOnlyList<GridPoint>> rings)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var typeElement))
        {
            return;
        }

        switch (typeElement.GetString())
        {
            case "FeatureCollection":
                foreach (var feature in element.GetProperty("features").EnumerateArray())
                {
                    CollectRings(feature, rings);
                }

                break;
            case "Feature":
                if (element.TryGetProperty("geometry", out var geometry))
                {
                    CollectRings(geometry, rings);
                }

                break;
            case "GeometryCollection":
                foreach (var g in element.GetProperty("geometries").EnumerateArray())
                {
                    CollectRings(g, rings);
                }

                break;
            case "Polygon":
                AddPolygon(element.GetProperty("coordinates"), rings);
                break;
            case "MultiPolygon":
                foreach (var polygon in element.GetProperty("coordinates").EnumerateArray())
                {
                    AddPolygon(polygon, rings);
                }

                break;
            default:
                break;
        }
    }

    private static void AddPolygon(JsonElement polygon, List<IReadOnlyList<GridPoint>> rings)
    {
        foreach (var ring in polygon.EnumerateArray())
        {
            var points = new List<GridPoint>();
            foreach (var position in ring.EnumerateArray())
            {
                var lon = position[0].GetDouble();
                var lat = position[1].GetDouble();
                points.Add(BritishNationalGrid.FromWgs84(new GeoPoint(lon, lat)));
            }

            rings.Add(points);
        }
    }
}
