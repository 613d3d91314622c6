using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Tests.Methods;

public class KernelDensityTests
{
    [Fact]
    public void RuleOfThumbBandwidth_DocumentedExample_MatchesMassBandwidthNrd()
    {
        // x = 0..400 step 100: sd 158.11, IQR 200 → min(158.11, 149.25) = 149.25; × 4 × 1.06 × 5^-0.2.
        double[] xs = [0, 100, 200, 300, 400];
        var expected = 4 * 1.06 * (200 / 1.34) * Math.Pow(5, -0.2);

        Assert.Equal(expected, KernelDensity.NormalReferenceBandwidth(xs), 1e-9);
        Assert.Equal(458.66, expected, 0.01);
    }

    [Fact]
    public void RuleOfThumbBandwidth_TwoCoordinates_IsTheMeanOfEach()
    {
        GridPoint[] points = [new(0, 0), new(100, 0), new(200, 10), new(300, 10), new(400, 20)];

        var h = KernelDensity.RuleOfThumbBandwidth(points);

        var hx = KernelDensity.NormalReferenceBandwidth([0, 100, 200, 300, 400]);
        var hy = KernelDensity.NormalReferenceBandwidth([0, 0, 10, 10, 20]);
        Assert.Equal((hx + hy) / 2, h, 1e-9);
    }

    [Theory]
    [InlineData(Kernel.Quartic)]
    [InlineData(Kernel.Gaussian)]
    public void Estimate_PointsFarFromEdges_DensityIntegratesToTheNumberOfPoints(Kernel kernel)
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 10_000, 10_000), GridOptions.Default with { CellSize = 50 });
        GridPoint[] points = [new(5_000, 5_000), new(5_210, 4_930), new(4_420, 5_600)];

        var kde = KernelDensity.Estimate(grid, points, KernelDensityOptions.Default with { Kernel = kernel, Bandwidth = 800 });

        var total = kde.Density.Sum() * grid.CellArea / 1e6;
        Assert.Equal(3, total, 0.01);
    }

    [Fact]
    public void Estimate_QuarticAtThePoint_IsThreeOverPiHSquaredPerSquareKilometre()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 999, 999), GridOptions.Default with { CellSize = 100 });

        var kde = KernelDensity.Estimate(grid, [new GridPoint(450, 450)], KernelDensityOptions.Default with { Bandwidth = 500 });

        Assert.Equal(3 / (Math.PI * 0.5 * 0.5), kde.Density[grid.FindCell(new GridPoint(450, 450))], 1e-9);
        Assert.Equal(0, kde.Density[grid.CellAt(9, 9)]); // 707 m away, beyond the 500 m radius
    }

    [Fact]
    public void Estimate_BandwidthSmallerThanCell_Warns()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 999, 999), GridOptions.Default with { CellSize = 250 });

        var kde = KernelDensity.Estimate(grid, [new GridPoint(450, 450), new(500, 520)], KernelDensityOptions.Default with { Bandwidth = 200 });

        Assert.Contains(kde.Warnings, w => w.Contains("smaller than the cell size", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_BandwidthAdjust_MultipliesTheAutomaticBandwidth()
    {
        GridPoint[] points = [new(0, 0), new(100, 50), new(200, 300), new(300, 120), new(400, 400)];
        var grid = HotspotGrid.Covering(points, GridOptions.Default with { CellSize = 100 });

        var kde = KernelDensity.Estimate(grid, points, KernelDensityOptions.Default with { BandwidthAdjust = 0.5 });

        Assert.True(kde.BandwidthIsAutomatic);
        Assert.Equal(KernelDensity.RuleOfThumbBandwidth(points) * 0.5, kde.Bandwidth, 1e-9);
    }

    [Fact]
    public void Estimate_PointsWithNoSpread_FallsBackToTheCellSizeAndSaysSo()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 999, 999), GridOptions.Default with { CellSize = 100 });

        var kde = KernelDensity.Estimate(grid, [new GridPoint(450, 450), new(450, 450)]);

        Assert.Equal(100, kde.Bandwidth);
        Assert.Contains(kde.Warnings, w => w.Contains("no spread", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_NegativeBandwidth_Throws()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 999, 999), GridOptions.Default with { CellSize = 100 });

        Assert.Throws<ArgumentOutOfRangeException>(() => KernelDensity.Estimate(grid, [], KernelDensityOptions.Default with { Bandwidth = -1 }));
    }
}
