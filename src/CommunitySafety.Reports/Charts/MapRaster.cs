using CommunitySafety.Hotspots;
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
    /// <returns>PNG bytes and the size in CSS pixels.</returns>
    public static (byte[] Png, int Width, int Height) ToPng(HotspotGrid grid, MapLayer layer, Boundary? boundary = null, int width = 720, float scale = 2)
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

        if (boundary is not null)
        {
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
        plot.Legend.FontSize = 12;
        plot.ShowLegend(Edge.Right);
        plot.HideAxesAndGrid();
        plot.Axes.SquareUnits();
        plot.Axes.SetLimits(minE, maxE, minN, maxN);
        var size = grid.CellSize >= 1000 ? $"{grid.CellSize / 1000:0.#} km" : $"{grid.CellSize:0} m";
        plot.Axes.Bottom.Label.Text = $"{layer.Title}; cells of {size}; north is up";
        plot.Axes.Bottom.Label.IsVisible = true;
        var height = (int)Math.Clamp(width * 0.75, 300, 640);
        plot.ScaleFactor = scale;
        var bytes = plot.GetImageBytes((int)(width * scale), (int)(height * scale), ImageFormat.Png);
        return (bytes, width, height);
    }
}
