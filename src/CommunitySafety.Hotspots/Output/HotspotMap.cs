using System.Globalization;
using System.Security;
using System.Text;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Output;

/// <summary>Options for <see cref="HotspotMap.RenderSvg"/>.</summary>
public readonly record struct HotspotMapOptions
{
    /// <summary>An 800-pixel-wide map titled "Hot spot map".</summary>
    public static HotspotMapOptions Default { get; } = new();

    /// <summary>Creates the default options.</summary>
    public HotspotMapOptions()
    {
    }

    /// <summary>The map's title (also the SVG's accessible name).</summary>
    public string Title { get; init; } = "Hot spot map";

    /// <summary>An extra sentence for the accessible description, e.g. the area, crime type and period.</summary>
    public string? Description { get; init; }

    /// <summary>The area boundary to draw over the cells, if any.</summary>
    public Boundary? Boundary { get; init; }

    /// <summary>Outlines drawn thin and grey under the boundary (e.g. the area's wards), so a reader can find places.</summary>
    public IReadOnlyList<Boundary> Outlines { get; init; } = [];

    /// <summary>What the outlines are, for the legend (e.g. "Ward boundaries").</summary>
    public string OutlinesLabel { get; init; } = "Ward boundaries";

    /// <summary>Width of the whole picture in pixels (map plus legend).</summary>
    public int Width { get; init; } = 800;

    /// <summary>Attribution lines printed under the map.</summary>
    public IReadOnlyList<string> Attribution { get; init; } =
    [
        "Crime data: police.uk. " + CellExport.OpenGovernmentLicence,
    ];

    /// <summary>Attribution added when a boundary is drawn.</summary>
    public string BoundaryAttribution { get; init; } =
        "Boundary: Office for National Statistics, OGL v3.0; contains OS data © Crown copyright and database right.";

    /// <summary>Notes printed under the map (the grid's notes and, for example, KDE warnings).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Draws a hot spot map as SVG for reports: shaded cells, the area boundary, a legend, a scale bar, a north
/// arrow and the attribution, with an accessible title and description.
/// </summary>
public static class HotspotMap
{
    /// <summary>Always printed: the limit of police.uk locations.</summary>
    public const string LocationNote =
        "Police.uk locations are anonymised map points (the centre of a street or a nearby landmark), so patterns finer than about 100 m mean nothing.";

    private const int Margin = 16;
    private const int LegendWidth = 230;
    private const double LineHeight = 14;

    /// <summary>Renders <paramref name="layer"/> on <paramref name="grid"/> as a standalone SVG document.</summary>
    /// <exception cref="ArgumentException">The layer does not have one class per cell.</exception>
    public static string RenderSvg(HotspotGrid grid, MapLayer layer, HotspotMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.CellClass.Count != grid.Count)
        {
            throw new ArgumentException($"The layer has {layer.CellClass.Count} cells; the grid has {grid.Count}.", nameof(layer));
        }

        var extent = Extent(grid, options.Boundary);
        var mapWidth = Math.Max(200, options.Width - LegendWidth - (3 * Margin));
        var scale = mapWidth / Math.Max(extent.Width, 1);
        var mapHeight = Math.Max(1, extent.Height * scale);
        var notes = new List<string> { LocationNote };
        notes.AddRange(grid.Notes.Concat(options.Notes).Distinct());
        var attribution = new List<string>(options.Attribution);
        if (options.Boundary is not null || options.Outlines.Count > 0)
        {
            attribution.Add(options.BoundaryAttribution);
        }

        var footerLines = notes.Count + attribution.Count;
        var lineEntries = (options.Boundary is null ? 0 : 1) + (options.Outlines.Count > 0 ? 1 : 0);
        var legendHeight = 40 + ((layer.Classes.Count + 1 + lineEntries) * 22);
        var height = (int)Math.Ceiling(Margin + 28 + Math.Max(mapHeight, legendHeight) + Margin + (footerLines * LineHeight) + Margin);
        var mapTop = Margin + 28.0;

        double X(double e) => Margin + ((e - extent.MinEasting) * scale);
        double Y(double n) => mapTop + ((extent.MaxNorthing - n) * scale);

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{options.Width}\" height=\"{height}\" viewBox=\"0 0 {options.Width} {height}\" role=\"img\" aria-labelledby=\"map-title map-desc\" font-family=\"Arial, Helvetica, sans-serif\">\n"));
        svg.Append("<title id=\"map-title\">").Append(Esc(options.Title)).Append("</title>\n");
        svg.Append("<desc id=\"map-desc\">").Append(Esc(Describe(grid, layer, options, notes))).Append("</desc>\n");
        svg.Append(F($"<rect width=\"{options.Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"));
        svg.Append(F($"<text x=\"{Margin}\" y=\"{Margin + 16}\" font-size=\"18\" font-weight=\"bold\" fill=\"#0b0c0c\">")).Append(Esc(options.Title)).Append("</text>\n");

        // Cells: one path per class keeps the file small.
        svg.Append("<g id=\"cells\" stroke=\"none\">\n");
        for (var k = 0; k < layer.Classes.Count; k++)
        {
            var path = new StringBuilder();
            for (var i = 0; i < grid.Count; i++)
            {
                if (layer.CellClass[i] != k)
                {
                    continue;
                }

                var polygon = grid.Polygon(i);
                for (var v = 0; v < polygon.Length; v++)
                {
                    path.Append(v == 0 ? 'M' : 'L').Append(N(X(polygon[v].Easting))).Append(' ').Append(N(Y(polygon[v].Northing)));
                }

                path.Append('Z');
            }

            if (path.Length > 0)
            {
                svg.Append("<path fill=\"").Append(layer.Classes[k].Colour).Append("\" d=\"").Append(path).Append("\"><title>")
                    .Append(Esc(layer.Classes[k].Label)).Append("</title></path>\n");
            }
        }

        svg.Append("</g>\n");

        if (options.Outlines.Count > 0)
        {
            var outlines = new StringBuilder();
            foreach (var ring in options.Outlines.SelectMany(o => o.Rings))
            {
                for (var v = 0; v < ring.Count; v++)
                {
                    outlines.Append(v == 0 ? 'M' : 'L').Append(N(X(ring[v].Easting))).Append(' ').Append(N(Y(ring[v].Northing)));
                }

                outlines.Append('Z');
            }

            svg.Append("<path id=\"outlines\" fill=\"none\" stroke=\"#6f777b\" stroke-width=\"0.7\" stroke-linejoin=\"round\" d=\"").Append(outlines).Append("\"/>\n");
        }

        if (options.Boundary is { } boundary)
        {
            var path = new StringBuilder();
            foreach (var ring in boundary.Rings)
            {
                for (var v = 0; v < ring.Count; v++)
                {
                    path.Append(v == 0 ? 'M' : 'L').Append(N(X(ring[v].Easting))).Append(' ').Append(N(Y(ring[v].Northing)));
                }

                path.Append('Z');
            }

            svg.Append("<path id=\"boundary\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"1.5\" stroke-linejoin=\"round\" d=\"").Append(path).Append("\"/>\n");
        }

        AppendScaleBar(svg, scale, Margin + 8, mapTop + mapHeight - 12, mapWidth);
        AppendNorthArrow(svg, Margin + mapWidth - 24, mapTop + 8);
        AppendLegend(svg, layer, Margin + mapWidth + (2 * Margin), mapTop, options);

        var y = mapTop + Math.Max(mapHeight, legendHeight) + Margin + 10;
        foreach (var line in notes.Concat(attribution))
        {
            svg.Append(F($"<text x=\"{Margin}\" y=\"{N(y)}\" font-size=\"11\" fill=\"#505a5f\">")).Append(Esc(line)).Append("</text>\n");
            y += LineHeight;
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static Envelope Extent(HotspotGrid grid, Boundary? boundary)
    {
        var points = new List<GridPoint>();
        for (var i = 0; i < grid.Count; i++)
        {
            points.AddRange(grid.Polygon(i));
        }

        if (boundary is not null)
        {
            points.Add(new GridPoint(boundary.Envelope.MinEasting, boundary.Envelope.MinNorthing));
            points.Add(new GridPoint(boundary.Envelope.MaxEasting, boundary.Envelope.MaxNorthing));
        }

        return points.Count == 0 ? new Envelope(0, 0, 1, 1) : Envelope.Of(points);
    }

    private static string Describe(HotspotGrid grid, MapLayer layer, HotspotMapOptions options, List<string> notes)
    {
        var text = new StringBuilder();
        if (options.Description is { } description)
        {
            text.Append(description.TrimEnd('.')).Append(". ");
        }

        var shape = grid.Shape == CellShape.Square ? "square" : "hexagonal";
        text.Append(F($"{layer.Title} on {grid.Count:N0} {shape} cells of {grid.CellSize:0} m (British National Grid)."));
        var counts = new int[layer.Classes.Count];
        var unshaded = 0;
        foreach (var k in layer.CellClass)
        {
            if (k < 0)
            {
                unshaded++;
            }
            else
            {
                counts[k]++;
            }
        }

        for (var k = 0; k < counts.Length; k++)
        {
            text.Append(F($" {layer.Classes[k].Label}: {counts[k]:N0} cells;"));
        }

        text.Append(F($" {layer.UnshadedLabel}: {unshaded:N0} cells."));
        foreach (var note in notes)
        {
            text.Append(' ').Append(note);
        }

        return text.ToString();
    }

    private static void AppendScaleBar(StringBuilder svg, double scale, double x, double y, double mapWidth)
    {
        // The longest 1, 2 or 5 × 10ⁿ metres that fits in a quarter of the map.
        var target = mapWidth / 4 / scale;
        var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(target, 1))));
        var metres = new[] { 5, 2, 1 }.Select(m => m * power).FirstOrDefault(m => m <= target, power);
        var length = metres * scale;
        var label = metres >= 1000 ? F($"{metres / 1000:0.#} km") : F($"{metres:0} m");
        svg.Append("<g id=\"scale-bar\" aria-hidden=\"true\">");
        svg.Append(F($"<rect x=\"{N(x - 4)}\" y=\"{N(y - 16)}\" width=\"{N(length + 8)}\" height=\"24\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>"));
        svg.Append(F($"<path d=\"M{N(x)} {N(y - 4)}V{N(y)}H{N(x + length)}V{N(y - 4)}\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"1.5\"/>"));
        svg.Append(F($"<text x=\"{N(x + (length / 2))}\" y=\"{N(y - 6)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b0c0c\">{label}</text>"));
        svg.Append("</g>\n");
    }

    private static void AppendNorthArrow(StringBuilder svg, double x, double y)
    {
        svg.Append("<g id=\"north-arrow\" aria-hidden=\"true\">");
        svg.Append(F($"<path d=\"M{N(x)} {N(y)}L{N(x + 8)} {N(y + 22)}L{N(x)} {N(y + 17)}L{N(x - 8)} {N(y + 22)}Z\" fill=\"#0b0c0c\"/>"));
        svg.Append(F($"<text x=\"{N(x)}\" y=\"{N(y + 36)}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#0b0c0c\">N</text>"));
        svg.Append("</g>\n");
    }

    private static void AppendLegend(StringBuilder svg, MapLayer layer, double x, double y, HotspotMapOptions options)
    {
        svg.Append("<g id=\"legend\">");
        svg.Append(F($"<text x=\"{N(x)}\" y=\"{N(y + 12)}\" font-size=\"13\" font-weight=\"bold\" fill=\"#0b0c0c\">")).Append(Esc(layer.Title)).Append("</text>");
        var row = y + 26;
        foreach (var c in layer.Classes.Append(new MapClass("none", layer.UnshadedLabel)))
        {
            var fill = c.Colour == "none" ? "#ffffff" : c.Colour;
            svg.Append(F($"<rect x=\"{N(x)}\" y=\"{N(row)}\" width=\"18\" height=\"14\" fill=\"{fill}\" stroke=\"#b1b4b6\"/>"));
            svg.Append(F($"<text x=\"{N(x + 26)}\" y=\"{N(row + 11)}\" font-size=\"12\" fill=\"#0b0c0c\">")).Append(Esc(c.Label)).Append("</text>");
            row += 22;
        }

        var lines = new List<(string Stroke, double Width, string Label)>();
        if (options.Boundary is not null)
        {
            lines.Add(("#0b0c0c", 1.5, "Area boundary"));
        }

        if (options.Outlines.Count > 0)
        {
            lines.Add(("#6f777b", 0.7, options.OutlinesLabel));
        }

        foreach (var (stroke, width, label) in lines)
        {
            svg.Append(F($"<path d=\"M{N(x)} {N(row + 7)}H{N(x + 18)}\" stroke=\"{stroke}\" stroke-width=\"{N(width + 0.8)}\"/>"));
            svg.Append(F($"<text x=\"{N(x + 26)}\" y=\"{N(row + 11)}\" font-size=\"12\" fill=\"#0b0c0c\">")).Append(Esc(label)).Append("</text>");
            row += 22;
        }

        svg.Append("</g>\n");
    }

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string text) => SecurityElement.Escape(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
