using System.Globalization;
using System.Text.Json;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Tests.Output;

public class CellExportTests
{
    private static CellTable Table()
    {
        var grid = HotspotGrid.Covering(new Envelope(465_000, 100_000, 465_199, 100_099), GridOptions.Default with { CellSize = 100 });
        GridPoint[] points = [new(465_010, 100_010), new(465_020, 100_020), new(465_150, 100_050)];
        var counts = grid.CountPoints(points);
        return new CellTable(grid)
            .AddCounts(counts)
            .AddKernelDensity(KernelDensity.Estimate(grid, points, KernelDensityOptions.Default with { Bandwidth = 150 }))
            .AddGiStar(GetisOrdGiStar.Calculate(grid, counts))
            .Add("label", ["a, \"quoted\"", null]);
    }

    [Fact]
    public void ToCsv_Cells_OneRowPerCellWithCentreAndColumns()
    {
        var lines = CellExport.ToCsv(Table()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("cell_id,easting,northing,longitude,latitude,count,kde,gistar_z,p_value,p_adjusted,significance,label", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("c0r0,465050,100050,-1.07", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"a, \"\"quoted\"\"\"", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",", lines[2], StringComparison.Ordinal); // Gi* undefined on two cells, label missing
    }

    [Fact]
    public void ToCsv_FormulaLikeText_GetsApostrophe_NumbersStayNumbers()
    {
        var grid = HotspotGrid.Covering(new Envelope(465_000, 100_000, 465_199, 100_099), GridOptions.Default with { CellSize = 100 });
        var table = new CellTable(grid).Add("change", [-3.5, null]).Add("label", ["=HYPERLINK(\"http://x\",\"y\")", "\t@SUM(A1)"]);

        var lines = CellExport.ToCsv(table).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.EndsWith(",-3.5,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",,'\t@SUM(A1)", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_GermanCulture_StillWritesDecimalPoints()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            var csv = CellExport.ToCsv(Table());

            Assert.Contains(",-1.07", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(",-1,07", csv, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToGeoJson_Cells_ClosedWgs84PolygonsWithProperties()
    {
        using var json = JsonDocument.Parse(CellExport.ToGeoJson(Table()));
        var root = json.RootElement;

        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(100, root.GetProperty("cell_size_m").GetDouble());
        Assert.Contains("Open Government Licence", root.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var ring = features[0].GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().ToList();
        Assert.Equal(5, ring.Count);
        Assert.Equal(ring[0].ToString(), ring[4].ToString());
        Assert.InRange(ring[0][0].GetDouble(), -1.1, -1.0);  // longitude first (RFC 7946)
        Assert.InRange(ring[0][1].GetDouble(), 50.7, 50.9);
        var properties = features[0].GetProperty("properties");
        Assert.Equal("c0r0", properties.GetProperty("cell_id").GetString());
        Assert.Equal(2, properties.GetProperty("count").GetDouble());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("gistar_z").ValueKind);
        Assert.Equal("not significant", properties.GetProperty("significance").GetString());
    }

    [Fact]
    public void ToGeoJson_CellCorners_ProjectBackOntoTheGridWithinCentimetres()
    {
        var table = Table();
        using var json = JsonDocument.Parse(CellExport.ToGeoJson(table));
        var corner = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0];

        var back = BritishNationalGrid.FromWgs84(new GeoPoint(corner[0].GetDouble(), corner[1].GetDouble()));

        Assert.True(back.DistanceTo(table.Grid.Polygon(0)[0]) < 0.1); // 6 decimals ≈ 0.1 m
    }

    [Fact]
    public void Add_WrongLength_Throws()
    {
        var table = Table();

        Assert.Throws<ArgumentException>(() => table.Add("bad", [1.0, 2.0, 3.0]));
        Assert.Throws<ArgumentException>(() => table.Add("count", [1.0, 2.0]));
    }
}
