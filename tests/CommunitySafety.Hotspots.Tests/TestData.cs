using System.Globalization;
using System.Text;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Tests;

/// <summary>Reads the committed fixtures and reference tables.</summary>
internal static class TestData
{
    public static string PortsmouthBoundaryPath => Path.Combine(AppContext.BaseDirectory, "fixtures", "hotspots", "Portsmouth_LAD20_boundary.geojson");

    public static string PortsmouthCrimesPath => Path.Combine(AppContext.BaseDirectory, "fixtures", "hotspots", "2024-01-hampshire-street-portsmouth.csv");

    public static Boundary PortsmouthBoundary() => Boundary.FromGeoJson(File.ReadAllText(PortsmouthBoundaryPath));

    /// <summary>The police.uk rows of the Portsmouth slice, as header → value.</summary>
    public static List<Dictionary<string, string>> PortsmouthCrimes()
    {
        var lines = File.ReadAllLines(PortsmouthCrimesPath);
        var header = SplitCsv(lines[0]);
        var rows = new List<Dictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitCsv(line);
            rows.Add(header.Select((h, i) => (h, v: i < fields.Count ? fields[i] : "")).ToDictionary(x => x.h, x => x.v));
        }

        return rows;
    }

    public static List<GeoPoint> PortsmouthPoints() =>
    [
        .. PortsmouthCrimes()
            .Where(r => r["Longitude"].Length > 0 && r["Latitude"].Length > 0)
            .Select(r => new GeoPoint(D(r["Longitude"]), D(r["Latitude"]))),
    ];

    public static List<string[]> Reference(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "reference", "hotspots", file));
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))];
    }

    public static double Summary(string name) => D(Reference("summary.csv").Single(r => r[0] == name)[1]);

    public static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
