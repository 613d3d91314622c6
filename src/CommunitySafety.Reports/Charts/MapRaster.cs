using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Output;
using ScottPlot;

namespace CommunitySafety.Reports.Charts;

/// <summary>
/// The PNG of a hot spot map for Word, drawn with ScottPlot from the same grid and layer as the SVG
/// (<see cref="HotspotMap.RenderSvg"/>): the shaded cells in their layer's colours, the boundary when given, the legend
/// and the cell size. ScottPlot draws on SkiaSharp, which is already a dependency, so no SVG rasteriser is needed.
/// </summary>
public static class MapRaster
{
    /// <summary>Draws the map.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="layer">The layer (one class per cell, −1 unshaded).</param>
    /// <param name="boundary">The area boundary, if any.</param>
    /// <param name="width">Width in CSS pixels.</param>
    /// <param name="scale">Pixel density (2 for print quality).</param>
    /// <param name="title">The map's title, drawn above it; null for none.</param>
    /// <param name="outlines">Outlines drawn thin and grey (e.g. wards), if any.</param>
    /// <returns>PNG bytes and the size in CSS pixels.</returns>
    public static (byte[] Png, int Width, int Height) ToPng(HotspotGrid grid, MapLayer layer, Boundary? boundary = null, int width = 720, float scale = 2, string? title = null, IReadOnlyList<Boundary>? outlines = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(layer);
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var minE = double.MaxValue;
        var maxE = double.MinValue;
        var minN = double.MaxValue;
        var maxN = double.MinValue;
        for (var i = 0; i < grid.Count; i++)
        {
            var polygon = grid.Polygon(i);
            foreach (var p in polygon)
            {
                minE = Math.Min(minE, p.Easting);
                maxE = Math.Max(maxE, p.Easting);
                minN = Math.Min(minN, p.Northing);
                maxN = Math.Max(maxN, p.Northing);
            }

            if (layer.CellClass[i] is var k && k >= 0)
            {
                var shape = plot.Add.Polygon([.. polygon.Select(p => new Coordinates(p.Easting, p.Northing))]);
                shape.FillColor = Color.FromHex(layer.Classes[k].Colour);
                shape.LineWidth = 0;
            }
        }

        foreach (var ring in (outlines ?? []).SelectMany(o => o.Rings))
        {
            var line = plot.Add.Scatter(ring.Select(p => p.Easting).Append(ring[0].Easting).ToArray(), ring.Select(p => p.Northing).Append(ring[0].Northing).ToArray());
            line.Color = Color.FromHex("#6f777b");
            line.LineWidth = 0.7f;
            line.MarkerSize = 0;
        }

        if (boundary is not null)
        {
            foreach (var e in boundary.Rings.SelectMany(r => r))
            {
                minE = Math.Min(minE, e.Easting);
                maxE = Math.Max(maxE, e.Easting);
                minN = Math.Min(minN, e.Northing);
                maxN = Math.Max(maxN, e.Northing);
            }

            foreach (var ring in boundary.Rings)
            {
                var line = plot.Add.Scatter(ring.Select(p => p.Easting).Append(ring[0].Easting).ToArray(), ring.Select(p => p.Northing).Append(ring[0].Northing).ToArray());
                line.Color = Color.FromHex("#0b0c0c");
                line.LineWidth = 1.5f;
                line.MarkerSize = 0;
            }
        }

        // A faint frame of the grid's extent gives the shaded cells a place, as the SVG's white map area does.
        var frame = plot.Add.Rectangle(minE, maxE, minN, maxN);
        frame.FillColor = Colors.Transparent;
        frame.LineColor = Color.FromHex("#b1b4b6");
        frame.LineWidth = 1;

        foreach (var c in layer.Classes)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = c.Label, FillColor = Color.FromHex(c.Colour), LineWidth = 0 });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{layer.UnshadedLabel} (unshaded)", FillColor = Colors.White, LineColor = Color.FromHex("#b1b4b6"), LineWidth = 1 });
        if (boundary is not null)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Area boundary", LineColor = Color.FromHex("#0b0c0c"), LineWidth = 2 });
        }

        if (outlines is { Count: > 0 })
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Ward boundaries", LineColor = Color.FromHex("#6f777b"), LineWidth = 1 });
        }

        NorthArrowAndScaleBar(plot, minE, maxE, minN, maxN);

        plot.Legend.FontSize = 12;
        plot.ShowLegend(Edge.Right);
        plot.HideAxesAndGrid();
        plot.Axes.SquareUnits();
        plot.Axes.SetLimits(minE, maxE, minN, maxN);
        var size = grid.CellSize >= 1000 ? $"{grid.CellSize / 1000:0.#} km" : $"{grid.CellSize:0} m";
        plot.Axes.Bottom.Label.Text = $"{layer.Title}; cells of {size}";
        plot.Axes.Bottom.Label.IsVisible = true;
        if (title is { Length: > 0 })
        {
            // After HideAxesAndGrid, which hides the title panel too.
            plot.Axes.Title.Label.Text = title;
            plot.Axes.Title.Label.FontSize = 14;
            plot.Axes.Title.IsVisible = true;
        }
        var height = (int)Math.Clamp(width * 0.75, 300, 640);
        plot.ScaleFactor = scale;
        var bytes = plot.GetImageBytes((int)(width * scale), (int)(height * scale), ImageFormat.Png);
        return (bytes, width, height);
    }

    /// <summary>A north arrow in the top right corner and a scale bar (1, 2 or 5 × 10ⁿ m, a quarter of the width at most) in the bottom left, in map units.</summary>
    private static void NorthArrowAndScaleBar(Plot plot, double minE, double maxE, double minN, double maxN)
    {
        var w = maxE - minE;
        var h = maxN - minN;
        var ink = Color.FromHex("#0b0c0c");
        var ax = maxE - (0.05 * w);
        var top = maxN - (0.04 * h);
        var arrow = plot.Add.Polygon([new Coordinates(ax, top), new Coordinates(ax + (0.02 * w), top - (0.08 * h)), new Coordinates(ax, top - (0.06 * h)), new Coordinates(ax - (0.02 * w), top - (0.08 * h))]);
        arrow.FillColor = ink;
        arrow.LineWidth = 0;
        var n = plot.Add.Text("N", ax, top - (0.09 * h));
        n.LabelFontSize = 13;
        n.LabelBold = true;
        n.LabelFontColor = ink;
        n.LabelAlignment = Alignment.UpperCenter;

        var target = w / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(target, 1))));
        var metres = new[] { 5, 2, 1 }.Select(m => m * power).FirstOrDefault(m => m <= target, power);
        var x0 = minE + (0.04 * w);
        var y0 = minN + (0.04 * h);
        var bar = plot.Add.Scatter(new[] { x0, x0, x0 + metres, x0 + metres }, new[] { y0 + (0.015 * h), y0, y0, y0 + (0.015 * h) });
        bar.Color = ink;
        bar.LineWidth = 2;
        bar.MarkerSize = 0;
        var label = plot.Add.Text(metres >= 1000 ? $"{metres / 1000:0.#} km" : $"{metres:0} m", x0 + (metres / 2), y0 + (0.02 * h));
        label.LabelFontSize = 12;
        label.LabelFontColor = ink;
        label.LabelAlignment = Alignment.LowerCenter;
    }
}
