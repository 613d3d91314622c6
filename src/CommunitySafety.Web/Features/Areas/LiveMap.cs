using System.Text.Json;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>
/// What the interactive (Leaflet) hot spot map needs from the server to draw the same layers as the SVG map: the Gi*
/// classes with the colours and labels of <see cref="MapLayer.GiStar"/>, keyed by the <c>significance</c> property the
/// GeoJSON cells carry (<see cref="CellTable.SignificanceLabel"/>).
/// </summary>
public static class LiveMap
{
    /// <summary>The significances in the order of <see cref="MapLayer.GiStar"/>'s classes.</summary>
    private static readonly HotspotSignificance[] Order = [HotspotSignificance.Hot99, HotspotSignificance.Hot95, HotspotSignificance.Cold95, HotspotSignificance.Cold99];

    private static readonly MapLayer Layer = MapLayer.GiStar(new GiStarResult([], [], [], [], PValueAdjustment.FalseDiscoveryRate));

    /// <summary>The legend's heading, as on the SVG map.</summary>
    public static string LegendTitle => Layer.Title;

    /// <summary>What an unshaded cell means, as on the SVG map.</summary>
    public static string Unshaded => Layer.UnshadedLabel;

    /// <summary>The classes as JSON: <c>[{"key":"hot 99%","colour":"#b2182b","label":"Hot spot (99%)"}, …]</c>.</summary>
    public static string ClassesJson { get; } = JsonSerializer.Serialize(
        Order.Select((s, i) => new { key = CellTable.SignificanceLabel(s), colour = Layer.Classes[i].Colour, label = Layer.Classes[i].Label }));

    /// <summary>The origin (scheme, host, port) of a tile URL template, for the content security policy; null when there is none or it is not absolute http(s).</summary>
    /// <param name="tileUrl">E.g. <c>https://tiles.example.org/{z}/{x}/{y}.png</c>.</param>
    /// <returns>E.g. <c>https://tiles.example.org</c>.</returns>
    public static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return null;
        }

        var probe = tileUrl.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal).Replace("{r}", string.Empty, StringComparison.Ordinal);
        return Uri.TryCreate(probe, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
    }
}
