namespace CommunitySafety.Reports.Model;

/// <summary>
/// A hot spot map in a report: a title that states the finding, a text alternative, the map as SVG (HTML, PDF, web)
/// and as PNG (Word), and the data table shown beside it (the top hot spot cells).
/// </summary>
/// <param name="Id">A short identifier, unique in the report; the SVG's own ids are prefixed with it.</param>
/// <param name="Title">The title, stating the finding.</param>
/// <param name="Description">The text alternative.</param>
/// <param name="Svg">The map as SVG (from CommunitySafety.Hotspots' map renderer).</param>
/// <param name="Png">The same layers as PNG bytes, for Word.</param>
/// <param name="PngWidth">The PNG's width in CSS pixels.</param>
/// <param name="PngHeight">The PNG's height in CSS pixels.</param>
/// <param name="Data">The map's data as a table.</param>
public sealed record ReportMap(string Id, string Title, string Description, string Svg, byte[] Png, int PngWidth, int PngHeight, ReportTable Data)
{
    /// <summary>The SVG with every id prefixed by the map's id, so that several maps can share one HTML page.</summary>
    public string SvgWithUniqueIds => Svg
        .Replace("id=\"", $"id=\"map{Id}-", StringComparison.Ordinal)
        .Replace("aria-labelledby=\"map-title map-desc\"", $"aria-labelledby=\"map{Id}-map-title map{Id}-map-desc\"", StringComparison.Ordinal);
}

/// <summary>A hot spot map with its text alternative and data table.</summary>
/// <param name="Map">The map.</param>
public sealed record MapBlock(ReportMap Map) : ReportBlock;
