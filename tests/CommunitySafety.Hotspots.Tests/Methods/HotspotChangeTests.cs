using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;

namespace CommunitySafety.Hotspots.Tests.Methods;

public class HotspotChangeTests
{
    [Fact]
    public void Calculate_TwoPeriods_PairsCountsPerCell()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 299, 99), GridOptions.Default with { CellSize = 100 });

        var change = HotspotChange.Calculate(grid, [new(10, 10), new(20, 20), new(150, 50)], [new(10, 10), new(250, 50), new(260, 50)]);

        Assert.Equal(new CellChange(2, 1), change[0]);
        Assert.Equal(-1, change[0].Change);
        Assert.Equal(-50, change[0].PercentChange);
        Assert.Equal(-100, change[1].PercentChange);
        Assert.Equal(2, change[2].Change);
        Assert.Null(change[2].PercentChange); // nothing before
    }
}
