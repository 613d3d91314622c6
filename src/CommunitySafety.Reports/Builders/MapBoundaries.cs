using System.Text.Json;
using CommunitySafety.Hotspots.Geometry;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// The area boundary and its ward outlines for a report's hot spot map, read from ONS generalised boundary files
/// (GeoJSON FeatureCollections in WGS84 whose features carry the district code in a property, e.g. <c>LAD23CD</c>):
/// the demo ships the Bedfordshire districts and their wards in <c>samples/boundaries/</c> (see its README).
/// </summary>
/// <param name="Area">The district's boundary.</param>
/// <param name="Wards">Its wards' boundaries.</param>
public sealed record MapBoundaries(Boundary Area, IReadOnlyList<Boundary> Wards)
{
    /// <summary>The district code property of the shipped files.</summary>
    public const string DistrictProperty = "LAD23CD";

    /// <summary>Reads the boundary of district <paramref name="districtCode"/> and its wards; null when a file is missing or has no feature for it.</summary>
    /// <param name="districtsFile">The districts GeoJSON.</param>
    /// <param name="wardsFile">The wards GeoJSON (each feature with the district code).</param>
    /// <param name="districtCode">The district's code, e.g. E06000032.</param>
    /// <returns>The boundaries, or null.</returns>
    /// <exception cref="FormatException">A file is not GeoJSON with polygons (the message names the file).</exception>
    public static MapBoundaries? Read(string districtsFile, string wardsFile, string districtCode)
    {
        if (!File.Exists(districtsFile) || !File.Exists(wardsFile))
        {
            return null;
        }

        var area = Features(districtsFile, districtCode);
        var wards = Features(wardsFile, districtCode);
        return area.Count == 0 ? null : new MapBoundaries(Boundary.FromRings(area.SelectMany(b => b.Rings)), wards);
    }

    private static List<Boundary> Features(string file, string districtCode)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            return [.. json.RootElement.GetProperty("features").EnumerateArray()
                .Where(f => f.TryGetProperty("properties", out var p) && p.TryGetProperty(DistrictProperty, out var code) && code.GetString() == districtCode)
                .Select(f => Boundary.FromGeoJson(f.GetRawText()))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"{file}: not a GeoJSON FeatureCollection of polygons with a {DistrictProperty} property ({e.Message})", e);
        }
    }
}
