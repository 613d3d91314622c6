using System.Text.Json;
using CommunitySafety.Web.Features.Areas;

namespace CommunitySafety.Web.Tests.Features.Areas;

public sealed class LiveMapTests
{
    [Theory]
    [InlineData("https://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org")]
    [InlineData("https://{s}.tiles.example.org:8443/osm/{z}/{x}/{y}{r}.png", "https://a.tiles.example.org:8443")]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void TileOrigin_IsTheSchemeHostAndPortOfAnAbsoluteHttpTemplateOnly(string? template, string? expected) =>
        Assert.Equal(expected, LiveMap.TileOrigin(template));

    [Fact]
    public void Classes_AreTheSvgMapsGiStarColoursKeyedByTheGeoJsonSignificance()
    {
        var classes = JsonDocument.Parse(LiveMap.ClassesJson).RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => (c.GetProperty("colour").GetString(), c.GetProperty("label").GetString()));
        Assert.Equal(("#b2182b", "Hot spot (99%)"), classes["hot 99%"]);
        Assert.Equal(("#2166ac", "Cold spot (99%)"), classes["cold 99%"]);
        Assert.Equal(4, classes.Count);
    }
}
