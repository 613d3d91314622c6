using System.Xml.Linq;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Tests.Output;

public class HotspotMapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static (HotspotGrid Grid, Boundary Boundary, List<GridPoint> Points) Portsmouth()
    {
        var boundary = TestData.PortsmouthBoundary();
        var grid = HotspotGrid.Covering(boundary, GridOptions.Default with { CellSize = 250 });
        return (grid, boundary, BritishNationalGrid.FromWgs84(TestData.PortsmouthPoints()));
    }

    [Fact]
    public void RenderSvg_CountMap_IsAccessibleWellFormedSvgWithAllMapElements()
    {
        var (grid, boundary, points) = Portsmouth();
        var layer = MapLayer.Sequential("Crimes per cell", grid.CountPoints(points));

        var svg = HotspotMap.RenderSvg(grid, layer, HotspotMapOptions.Default with
        {
            Title = "All crime, Portsmouth, January 2024",
            Description = "Police-recorded crime by 250 m cell",
            Boundary = boundary,
        });

        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        Assert.Equal("img", root.Attribute("role")!.Value);
        Assert.Equal("map-title map-desc", root.Attribute("aria-labelledby")!.Value);
        Assert.Equal("All crime, Portsmouth, January 2024", root.Element(Svg + "title")!.Value);
        var desc = root.Element(Svg + "desc")!.Value;
        Assert.Contains("Police-recorded crime by 250 m cell", desc, StringComparison.Ordinal);
        Assert.Contains("anonymised map points", desc, StringComparison.Ordinal);
        Assert.NotNull(Find(doc, "boundary"));
        Assert.NotNull(Find(doc, "scale-bar"));
        Assert.NotNull(Find(doc, "north-arrow"));
        Assert.Equal(6, Find(doc, "legend")!.Elements(Svg + "rect").Count()); // 5 classes + zero
        Assert.Contains("Open Government Licence v3.0", svg, StringComparison.Ordinal);
        Assert.Contains("Crown copyright", svg, StringComparison.Ordinal);
        var fills = Find(doc, "cells")!.Elements(Svg + "path").Select(p => p.Attribute("fill")!.Value).ToList();
        Assert.NotEmpty(fills);
        Assert.All(fills, f => Assert.Contains(f, MapLayer.SequentialColours));
    }

    [Fact]
    public void RenderSvg_ScaleBar_IsARoundDistanceAtMostAQuarterOfTheMap()
    {
        var (grid, boundary, points) = Portsmouth();

        var svg = HotspotMap.RenderSvg(grid, MapLayer.Sequential("Crimes", grid.CountPoints(points)), HotspotMapOptions.Default with { Boundary = boundary });

        var label = Find(XDocument.Parse(svg), "scale-bar")!.Element(Svg + "text")!.Value;
        Assert.Contains(label, new[] { "1 km", "2 km", "500 m" });
    }

    [Fact]
    public void RenderSvg_GiStarMap_ShadesHotSpotsAndDescribesTheCounts()
    {
        var (grid, boundary, points) = Portsmouth();
        var gi = GetisOrdGiStar.Calculate(grid, grid.CountPoints(points));

        var svg = HotspotMap.RenderSvg(grid, MapLayer.GiStar(gi), HotspotMapOptions.Default with { Boundary = boundary });

        Assert.True(gi.HotCount > 0);
        var desc = XDocument.Parse(svg).Root!.Element(Svg + "desc")!.Value;
        var hot = gi.Significance.Count(s => s == HotspotSignificance.Hot99);
        Assert.Contains($"Hot spot (99%): {hot:N0} cells", desc, StringComparison.Ordinal);
        Assert.Contains("FDR-adjusted", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSvg_TitleWithMarkup_IsEscaped()
    {
        var grid = HotspotGrid.Covering(new Envelope(0, 0, 999, 999), GridOptions.Default with { CellSize = 100 });

        var svg = HotspotMap.RenderSvg(grid, MapLayer.Sequential("n", new int[grid.Count]), HotspotMapOptions.Default with { Title = "Crime <script> & \"more\"" });

        Assert.Equal("Crime <script> & \"more\"", XDocument.Parse(svg).Root!.Element(Svg + "title")!.Value);
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(20, 4)]
    public void Sequential_MaximumTwenty_EqualIntervalClassesIncludeTheirUpperLimit(int value, int expectedClass)
    {
        var layer = MapLayer.Sequential("n", [value, 20]);

        Assert.Equal(expectedClass, layer.CellClass[0]);
        Assert.Equal("0 – 4", layer.Classes[0].Label);
    }

    [Fact]
    public void Change_RisesAndFalls_ClassifiedBySizeAndDirection()
    {
        var layer = MapLayer.Change([new CellChange(0, 10), new CellChange(5, 6), new CellChange(3, 3), new CellChange(8, 7), new CellChange(9, 0)]);

        Assert.Equal([0, 1, -1, 2, 3], layer.CellClass);
    }

    private static XElement? Find(XDocument doc, string id) =>
        doc.Descendants().FirstOrDefault(e => (string?)e.Attribute("id") == id);
}
