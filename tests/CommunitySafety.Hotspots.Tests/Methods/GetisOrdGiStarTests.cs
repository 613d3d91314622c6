using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;

namespace CommunitySafety.Hotspots.Tests.Methods;

public class GetisOrdGiStarTests
{
    private static HotspotGrid ThreeByThree() => HotspotGrid.Covering(new Envelope(0, 0, 299, 299), GridOptions.Default with { CellSize = 100 });

    [Fact]
    public void Calculate_DocumentedThreeByThreeExample_CornerZIsOnePointOneOneEight()
    {
        var grid = ThreeByThree();
        var values = new double[9];
        values[grid.CellAt(1, 1)] = 9;

        var gi = GetisOrdGiStar.Calculate(grid, values, PValueAdjustment.None);

        Assert.Equal(5 / (Math.Sqrt(8) * Math.Sqrt(2.5)), gi.Z[grid.CellAt(0, 0)]!.Value, 1e-12);
        Assert.Equal(1.118, gi.Z[grid.CellAt(0, 0)]!.Value, 0.001);
        Assert.Null(gi.Z[grid.CellAt(1, 1)]); // its neighbours are the whole grid
        Assert.Equal(HotspotSignificance.NotSignificant, gi.Significance[grid.CellAt(1, 1)]);
    }

    [Fact]
    public void Calculate_AllValuesEqual_NoCellIsSignificant()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 999, 999), GridOptions.Default with { CellSize = 100 });

        var gi = GetisOrdGiStar.Calculate(grid, Enumerable.Repeat(3.0, grid.Count).ToArray());

        Assert.All(gi.Z, z => Assert.Null(z));
        Assert.Equal(0, gi.HotCount + gi.ColdCount);
    }

    [Fact]
    public void Calculate_StrongCluster_IsHotAt99PercentAfterFdr()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 1_999, 1_999), GridOptions.Default with { CellSize = 100 });
        var values = new double[grid.Count];
        for (var c = 8; c <= 10; c++)
        {
            for (var r = 8; r <= 10; r++)
            {
                values[grid.CellAt(c, r)] = 20;
            }
        }

        var gi = GetisOrdGiStar.Calculate(grid, values);

        Assert.Equal(HotspotSignificance.Hot99, gi.Significance[grid.CellAt(9, 9)]);
        Assert.Equal(HotspotSignificance.NotSignificant, gi.Significance[grid.CellAt(0, 0)]);
        Assert.All(gi.PAdjusted.Zip(gi.P), pair => Assert.True(pair.First >= pair.Second));
    }

    [Fact]
    public void Calculate_WrongNumberOfValues_ThrowsSayingHowMany()
    {
        var e = Assert.Throws<ArgumentException>(() => GetisOrdGiStar.Calculate(ThreeByThree(), new double[4]));

        Assert.Contains("4 values for 9 cells", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3.0, 0.005, HotspotSignificance.Hot99)]
    [InlineData(2.0, 0.01, HotspotSignificance.Hot95)]
    [InlineData(2.0, 0.049, HotspotSignificance.Hot95)]
    [InlineData(2.0, 0.05, HotspotSignificance.NotSignificant)]
    [InlineData(-2.5, 0.02, HotspotSignificance.Cold95)]
    [InlineData(-3.5, 0.0001, HotspotSignificance.Cold99)]
    public void Classify_ZAndAdjustedP_GivesTheSignificanceClass(double z, double p, HotspotSignificance expected)
    {
        Assert.Equal(expected, GetisOrdGiStar.Classify(z, p));
    }
}
