using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Tests.Methods;

/// <summary>Against tests/reference/hotspots/generate.py (NumPy/SciPy, written independently from the definitions).</summary>
public class ReferenceTests
{
    [Fact]
    public void ProjectOsgb36_OsGuideWorkedExample_AgreesWithPythonReference()
    {
        var lat = 52 + (39 / 60.0) + (27.2531 / 3600);
        var lon = 1 + (43 / 60.0) + (4.5177 / 3600);

        var grid = BritishNationalGrid.ProjectOsgb36(new GeoPoint(lon, lat));

        Assert.Equal(TestData.Summary("os_worked_example_easting"), grid.Easting, 1e-6);
        Assert.Equal(TestData.Summary("os_worked_example_northing"), grid.Northing, 1e-6);
    }

    [Fact]
    public void FromWgs84_PortsmouthCrimes_AgreeWithPythonReferenceToTheMillimetre()
    {
        var rows = TestData.Reference("portsmouth_points.csv");

        Assert.Equal(TestData.PortsmouthPoints().Count, rows.Count);
        foreach (var r in rows)
        {
            var grid = BritishNationalGrid.FromWgs84(new GeoPoint(TestData.D(r[0]), TestData.D(r[1])));
            Assert.True(grid.DistanceTo(new GridPoint(TestData.D(r[2]), TestData.D(r[3]))) < 0.001);
        }
    }

    [Fact]
    public void ConstructedGrid_CountsKdeAndGiStar_MatchPythonReference()
    {
        var points = TestData.Reference("constructed_points.csv").Select(r => new GridPoint(TestData.D(r[0]), TestData.D(r[1]))).ToList();
        var grid = HotspotGrid.Covering(points, GridOptions.Default with { CellSize = 100 });

        Assert.Equal(24, grid.Count);
        Assert.Equal(TestData.Summary("constructed_bandwidth_nrd"), KernelDensity.RuleOfThumbBandwidth(points), 1e-9);
        AssertMatches(grid, points, 150, TestData.Reference("constructed_cells.csv"));
    }

    [Fact]
    public void PortsmouthSample_CountsKdeAndGiStar_MatchPythonReference()
    {
        var points = TestData.Reference("portsmouth_points.csv").Select(r => new GridPoint(TestData.D(r[2]), TestData.D(r[3]))).ToList();
        var grid = HotspotGrid.Covering(points, GridOptions.Default with { CellSize = 250 });
        var bandwidth = KernelDensity.RuleOfThumbBandwidth(points);

        Assert.Equal(TestData.Summary("portsmouth_columns"), grid.Columns);
        Assert.Equal(TestData.Summary("portsmouth_rows"), grid.Rows);
        Assert.Equal(TestData.Summary("portsmouth_bandwidth_nrd"), bandwidth, 1e-6);
        AssertMatches(grid, points, bandwidth, TestData.Reference("portsmouth_cells.csv"));
    }

    private static void AssertMatches(HotspotGrid grid, List<GridPoint> points, double bandwidth, List<string[]> expected)
    {
        Assert.Equal(expected.Count, grid.Count);
        var counts = grid.CountPoints(points, out var outside);
        var quartic = KernelDensity.Estimate(grid, points, KernelDensityOptions.Default with { Bandwidth = bandwidth });
        var gaussian = KernelDensity.Estimate(grid, points, KernelDensityOptions.Default with { Bandwidth = bandwidth, Kernel = Kernel.Gaussian });
        var gi = GetisOrdGiStar.Calculate(grid, counts);
        var gaussianPeak = gaussian.Density.Max();

        Assert.Equal(0, outside);
        var hot = 0;
        foreach (var r in expected)
        {
            var i = grid.CellAt(int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(TestData.D(r[2]), counts[i]);
            Assert.Equal(TestData.D(r[3]), quartic.Density[i], Math.Max(1e-9, Math.Abs(TestData.D(r[3])) * 1e-9));
            Assert.Equal(TestData.D(r[4]), gaussian.Density[i], gaussianPeak * 1e-6); // ours stops at 6 sigma
            Assert.Equal(TestData.D(r[5]), gi.Z[i]!.Value, 1e-9);
            Assert.Equal(TestData.D(r[6]), gi.P[i]!.Value, 1e-9);
            Assert.Equal(TestData.D(r[7]), gi.PAdjusted[i]!.Value, 1e-9);
            hot += TestData.D(r[7]) < 0.05 && TestData.D(r[5]) > 0 ? 1 : 0;
        }

        Assert.Equal(hot, gi.HotCount);
    }
}
