using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Tests.Methods;

public class HotspotClassificationTests
{
    private static bool[] Series(string pattern) => [.. pattern.Select(c => c == 'H')];

    [Theory]
    [InlineData("..........", HotspotTrend.NotHot)]
    [InlineData("HHHHHHHH..", HotspotTrend.Persistent)]   // 8 of 10 = 80%
    [InlineData("HHHH.HHHHH", HotspotTrend.Persistent)]
    [InlineData("........HH", HotspotTrend.Emerging)]     // hot only in the 2 recent periods
    [InlineData(".........H", HotspotTrend.Emerging)]
    [InlineData("HHH.......", HotspotTrend.Former)]       // hot only earlier
    [InlineData(".......H..", HotspotTrend.Former)]
    [InlineData(".H..H....H", HotspotTrend.Intermittent)] // hot earlier and recently, 3 of 10
    [InlineData("HHHHHHH..H", HotspotTrend.Persistent)]
    [InlineData("HHHHHH.H.H", HotspotTrend.Persistent)]
    [InlineData("HHHHHH...H", HotspotTrend.Intermittent)] // 7 of 10 is not persistent
    public void Classify_TenPeriods_FollowsTheStatedRules(string pattern, HotspotTrend expected)
    {
        Assert.Equal(expected, HotspotClassification.Classify(Series(pattern)));
    }

    [Theory]
    [InlineData("H.", HotspotTrend.Former)]
    [InlineData(".H", HotspotTrend.Emerging)]
    [InlineData("HH", HotspotTrend.Persistent)]
    [InlineData("H..H", HotspotTrend.Intermittent)]
    public void Classify_ShortSeries_HasAtLeastOneRecentAndOneEarlierPeriod(string pattern, HotspotTrend expected)
    {
        Assert.Equal(expected, HotspotClassification.Classify(Series(pattern)));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 1)]
    [InlineData(10, 2)]
    [InlineData(12, 3)]
    public void RecentPeriodCount_Share_RoundsUpAndLeavesAnEarlierPeriod(int periods, int recent)
    {
        Assert.Equal(recent, HotspotClassification.RecentPeriodCount(periods, HotspotClassificationOptions.Default));
    }

    [Fact]
    public void Classify_OnePeriod_Throws()
    {
        Assert.Throws<ArgumentException>(() => HotspotClassification.Classify([true]));
    }

    [Fact]
    public void Classify_ConstructedGridSeries_FindsEachKindOfHotspot()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 2_999, 2_999), GridOptions.Default with { CellSize = 100 });
        var persistent = new GridPoint(450, 450);
        var emerging = new GridPoint(2_450, 450);
        var former = new GridPoint(450, 2_450);
        var intermittent = new GridPoint(2_450, 2_450);
        var periods = new List<IReadOnlyList<GridPoint>>();
        for (var t = 0; t < 10; t++)
        {
            var points = new List<GridPoint>();
            Add(points, persistent, 12);
            Add(points, emerging, t >= 8 ? 12 : 0);
            Add(points, former, t < 3 ? 12 : 0);
            Add(points, intermittent, t is 1 or 5 or 9 ? 12 : 0);
            periods.Add(points);
        }

        var result = HotspotClassification.Classify(grid, periods, HotspotClassificationOptions.Default);

        Assert.Equal(HotspotTrend.Persistent, result.Trend[grid.FindCell(persistent)]);
        Assert.Equal(HotspotTrend.Emerging, result.Trend[grid.FindCell(emerging)]);
        Assert.Equal(HotspotTrend.Former, result.Trend[grid.FindCell(former)]);
        Assert.Equal(HotspotTrend.Intermittent, result.Trend[grid.FindCell(intermittent)]);
        Assert.Equal(HotspotTrend.NotHot, result.Trend[grid.FindCell(new GridPoint(1_450, 1_450))]);
        Assert.Equal(10, result.HotPeriods[grid.FindCell(persistent)]);
        Assert.Equal(2, result.RecentPeriods);
    }

    private static void Add(List<GridPoint> points, GridPoint at, int count)
    {
        for (var k = 0; k < count; k++)
        {
            points.Add(new GridPoint(at.Easting + (k % 4 * 10), at.Northing + (k / 4 * 10)));
        }
    }
}
