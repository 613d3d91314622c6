using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Tests.Grids;

public class HotspotGridTests
{
    [Theory]
    [InlineData(8_420, 14_100, 100)]   // 168.4 → 100
    [InlineData(41_000, 52_000, 800)]  // 820 → 800
    [InlineData(10_000, 10_000, 200)]  // exactly 200
    [InlineData(9_999, 20_000, 100)]   // 199.98 → 100
    [InlineData(1_000, 500, 100)]      // 10 → 0 → never zero: 100
    [InlineData(0, 0, 100)]            // a single point
    public void Automatic_BoundingBox_FiftyCellsOnShorterSideRoundedDownToHundredMetres(double width, double height, double expected)
    {
        Assert.Equal(expected, CellSizeRule.Automatic(new Envelope(400_000, 100_000, 400_000 + width, 100_000 + height)));
    }

    [Fact]
    public void Covering_NoCellSize_UsesTheAutomaticSizeAndSaysSo()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 30_000, 20_000), GridOptions.Default);

        Assert.Equal(400, grid.CellSize);
        Assert.True(grid.CellSizeIsAutomatic);
        Assert.Equal(76 * 51, grid.Count);
    }

    [Fact]
    public void Covering_SquareCells_AlignedToMultiplesOfTheCellSize()
    {
        var grid = HotspotGrid.Covering(new Envelope(1_234, 5_678, 1_999, 6_001), GridOptions.Default with { CellSize = 250 });

        Assert.Equal(1_000, grid.OriginEasting);
        Assert.Equal(5_500, grid.OriginNorthing);
        Assert.Equal(4, grid.Columns);
        Assert.Equal(3, grid.Rows);
        Assert.Equal(new GridPoint(1_125, 5_625), grid.Cells[0].Centre);
    }

    [Fact]
    public void FindCell_PointsOnEdges_BelongToTheCellNorthAndEastOfTheEdge()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 300, 300), GridOptions.Default with { CellSize = 100 });

        Assert.Equal(grid.CellAt(1, 2), grid.FindCell(new GridPoint(100, 250)));
        Assert.Equal(grid.CellAt(3, 3), grid.FindCell(new GridPoint(300, 300)));
        Assert.Equal(-1, grid.FindCell(new GridPoint(-0.01, 50)));
    }

    [Fact]
    public void CountPoints_PointsOutsideTheGrid_CountedSeparately()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 199, 99), GridOptions.Default with { CellSize = 100 });

        var counts = grid.CountPoints([new(10, 10), new(20, 20), new(150, 50), new(500, 500)], out var outside);

        Assert.Equal([2, 1], counts);
        Assert.Equal(1, outside);
    }

    [Theory]
    [InlineData(Contiguity.Queen, 9, 4)]
    [InlineData(Contiguity.Rook, 5, 3)]
    public void Neighbours_SquareGrid_IncludeTheCellAndItsAdjacentCells(Contiguity contiguity, int interior, int corner)
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 499, 499), GridOptions.Default with { CellSize = 100, Contiguity = contiguity });

        var centre = grid.CellAt(2, 2);
        Assert.Equal(interior, grid.Neighbours(centre).Length);
        Assert.Contains(centre, grid.Neighbours(centre).ToArray());
        Assert.Equal(corner, grid.Neighbours(grid.CellAt(0, 0)).Length);
    }

    [Fact]
    public void Neighbours_HexagonalGrid_AreTheSixCellsOneCellSizeAway()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 2_000, 2_000), GridOptions.Default with { CellSize = 200, Shape = CellShape.Hexagon });
        var middle = grid.FindCell(new GridPoint(1_000, 1_000));

        var neighbours = grid.Neighbours(middle).ToArray();

        Assert.Equal(7, neighbours.Length);
        foreach (var j in neighbours.Where(j => j != middle))
        {
            Assert.Equal(200, grid.Cells[j].Centre.DistanceTo(grid.Cells[middle].Centre), 1e-6);
        }
    }

    [Fact]
    public void FindCell_HexagonalGrid_ReturnsTheCellWithTheNearestCentre()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 1_000, 1_000), GridOptions.Default with { CellSize = 150, Shape = CellShape.Hexagon });
        var random = new Random(8);

        for (var k = 0; k < 2_000; k++)
        {
            var p = new GridPoint(random.NextDouble() * 1_000, random.NextDouble() * 1_000);
            var nearest = grid.Cells.MinBy(c => c.Centre.DistanceTo(p));
            Assert.Equal(nearest.Index, grid.FindCell(p));
        }
    }

    [Fact]
    public void CellArea_Hexagon_IsRootThreeOverTwoTimesSizeSquared()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 1_000, 1_000), GridOptions.Default with { CellSize = 100, Shape = CellShape.Hexagon });

        Assert.Equal(8_660.254, grid.CellArea, 0.001);
        var polygon = grid.Polygon(0);
        var shoelace = 0.0;
        for (var i = 0; i < polygon.Length; i++)
        {
            var a = polygon[i];
            var b = polygon[(i + 1) % polygon.Length];
            shoelace += (a.Easting * b.Northing) - (b.Easting * a.Northing);
        }

        Assert.Equal(grid.CellArea, shoelace / 2, 1e-6);
    }

    [Fact]
    public void Covering_Boundary_KeepsOnlyCellsOverlappingTheArea()
    {
        var boundary = TestData.PortsmouthBoundary();
        var grid = HotspotGrid.Covering(boundary, GridOptions.Default with { CellSize = 250 });
        var full = HotspotGrid.Covering(boundary.Envelope, GridOptions.Default with { CellSize = 250 });

        Assert.InRange(grid.Count, 300, full.Count - 50);
        // Every kept cell's centre is inside, or the boundary crosses the cell.
        foreach (var cell in grid.Cells)
        {
            var polygon = grid.Polygon(cell.Index);
            Assert.True(boundary.Contains(cell.Centre) || polygon.Any(boundary.Contains) || boundary.Rings.SelectMany(r => r).Any(v => Inside(v, polygon)) || EdgesCross(boundary, polygon),
                $"cell {cell.Id} is kept but does not overlap Portsmouth");
        }

        // Every crime located inside Portsmouth lands in a kept cell.
        var points = BritishNationalGrid.FromWgs84(TestData.PortsmouthPoints());
        Assert.All(points.Where(boundary.Contains), p => Assert.True(grid.FindCell(p) >= 0));
    }

    [Fact]
    public void Covering_PortsmouthBoundaryAutomaticSize_IsTwoHundredMetresAndNotesTheLocationLimitOnlyBelowOneHundred()
    {
        var boundary = TestData.PortsmouthBoundary();

        var automatic = HotspotGrid.Covering(boundary, GridOptions.Default);
        var fine = HotspotGrid.Covering(boundary, GridOptions.Default with { CellSize = 50 });

        // Portsmouth's bounding box is about 10.6 km by 13.3 km: 10.6 km / 50 = 212 m → 200 m.
        Assert.InRange(boundary.Envelope.Width, 10_000, 11_000);
        Assert.Equal(200, automatic.CellSize);
        Assert.Empty(automatic.Notes);
        Assert.Contains(fine.Notes, n => n.Contains("map point", StringComparison.Ordinal));
    }

    [Fact]
    public void Covering_CellSizeFarTooSmall_ThrowsSayingWhy()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => HotspotGrid.Covering(new Envelope(0, 0, 100_000, 100_000), GridOptions.Default with { CellSize = 1 }));

        Assert.Contains("too small", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromGeoJson_NotAPolygon_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Boundary.FromGeoJson("{\"type\":\"Point\",\"coordinates\":[-1,50]}"));
        Assert.Throws<FormatException>(() => Boundary.FromGeoJson("not json"));
    }

    private static bool EdgesCross(Boundary boundary, GridPoint[] polygon)
    {
        foreach (var ring in boundary.Rings)
        {
            for (var i = 0; i < ring.Count; i++)
            {
                var a = ring[i];
                var b = ring[(i + 1) % ring.Count];
                for (var k = 0; k < polygon.Length; k++)
                {
                    if (Cross(a, b, polygon[k], polygon[(k + 1) % polygon.Length]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Cross(GridPoint a, GridPoint b, GridPoint c, GridPoint d)
    {
        static double Side(GridPoint p, GridPoint q, GridPoint r) =>
            ((q.Easting - p.Easting) * (r.Northing - p.Northing)) - ((q.Northing - p.Northing) * (r.Easting - p.Easting));
        return Side(a, b, c) * Side(a, b, d) <= 0 && Side(c, d, a) * Side(c, d, b) <= 0;
    }

    private static bool Inside(GridPoint p, GridPoint[] convex)
    {
        for (var i = 0; i < convex.Length; i++)
        {
            var a = convex[i];
            var b = convex[(i + 1) % convex.Length];
            if (((b.Easting - a.Easting) * (p.Northing - a.Northing)) - ((b.Northing - a.Northing) * (p.Easting - a.Easting)) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
