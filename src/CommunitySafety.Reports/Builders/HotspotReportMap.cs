using System.Globalization;
using CommunitySafety.Hotspots;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Reports.Charts;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// A Getis-Ord Gi* hot spot map for a report, as <c>csp hotspots --method gistar</c> makes it (automatic square cells,
/// neighbours including the cell itself, false-discovery-rate adjusted p-values): the SVG from
/// <see cref="HotspotMap.RenderSvg"/>, its PNG for Word (<see cref="MapRaster"/>), a title that states the finding, and the
/// table of the strongest hot spot cells with their counts, Gi* z-scores and the LSOA most of their records are in.
/// </summary>
public static class HotspotReportMap
{
    private static readonly CultureInfo Gb = ValueFormat.Culture;

    /// <summary>The number of cells the data table lists.</summary>
    public const int TableCells = 10;

    /// <summary>
    /// The analysis a report's map needs (<see cref="HotspotAnalysis"/>): Getis-Ord Gi* on automatic square cells; with a
    /// boundary, the grid is clipped to it and records outside it are left out.
    /// </summary>
    /// <param name="boundary">The area boundary, if known.</param>
    /// <returns>The options.</returns>
    public static HotspotOptions Options(Boundary? boundary) =>
        new() { Method = HotspotMethod.GiStar, Boundary = boundary, ClipRecordsToBoundary = true };

    /// <summary>Builds the map from a hot spot analysis made with <see cref="Options"/>, or null when there are too few located records to draw one.</summary>
    /// <param name="id">The map's id in the report.</param>
    /// <param name="subject">What is mapped, as it starts a sentence ("Violence and sexual offences").</param>
    /// <param name="area">The area's name.</param>
    /// <param name="period">The period ("2024/25").</param>
    /// <param name="analysis">The Gi* analysis of the located records (<see cref="HotspotAnalysis.Run"/>).</param>
    /// <param name="lsoaName">The name of an LSOA code ("Luton 012A"), or null when unknown.</param>
    /// <param name="outlines">Outlines to draw under the boundary (the area's wards), if known.</param>
    /// <returns>The map, or null.</returns>
    public static ReportMap? Build(string id, string subject, string area, string period, HotspotAnalysisResult analysis, Func<string, string?> lsoaName, IReadOnlyList<Boundary>? outlines = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(lsoaName);
        if (analysis.Records.Count < 2 || !analysis.HasMap || analysis.GiStar is not { } gi)
        {
            return null;
        }

        var (grid, counts) = (analysis.Grid, analysis.Counts);
        var boundary = analysis.Boundary;
        var outside = analysis.OutsideBoundary;
        // The report's legend says it in plain words; the method's name is in the data table's note (an appendix in print).
        var layer = analysis.Layer with { Title = "Hot and cold spots", UnshadedLabel = "Neither" };
        var size = grid.CellSize.ToString("N0", Gb) + " m";

        // The LSOA most of a cell's records are in names the place in words.
        string? LsoaOf(int cell) => analysis.LsoasOf(cell) is { Count: > 0 } lsoas ? lsoas[0].Code : null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string PlaceName(int cell) => LsoaOf(cell) is { } code ? (lsoaName(code) is { Length: > 0 } n && n != code ? n : "a neighbourhood with no name") : "–";
        string Place(int cell)
        {
            if (LsoaOf(cell) is not { } code)
            {
                return "–";
            }

            if (!names.TryGetValue(code, out var name))
            {
                name = lsoaName(code) is { Length: > 0 } n && n != code ? $"{n} ({code})" : code;
                names[code] = name;
            }

            return name;
        }

        var hot = Enumerable.Range(0, grid.Count)
            .Where(i => gi.Significance[i] > HotspotSignificance.NotSignificant)
            .OrderByDescending(i => counts[i]).ThenByDescending(i => gi.Z[i] ?? double.MinValue).ThenBy(i => i)
            .ToList();
        var cold = gi.ColdCount;
        var located = counts.Sum();
        var inHot = hot.Sum(i => counts[i]);
        var lower = NarrativeRules.Lower(subject);
        string title;
        if (hot.Count == 0)
        {
            title = $"{subject} in {area}, {period}: no statistically significant hot spots on {size} cells";
        }
        else
        {
            var top = hot[0];
            title = $"{subject} in {area}, {period}: {hot.Count.ToString("N0", Gb)} hot spot {(hot.Count == 1 ? "cell" : "cells")} of {size} hold {Percent(inHot, located)} of the located records; the busiest, with {counts[top].ToString("N0", Gb)} records, is around {PlaceName(top)}";
        }

        var rows = (hot.Count > 0 ? hot : [.. Enumerable.Range(0, grid.Count).OrderByDescending(i => counts[i]).ThenBy(i => i)])
            .Take(TableCells)
            .Select((cell, rank) => new TableRow(
            [
                (rank + 1).ToString(Gb),
                Place(cell),
                $"{grid.Cells[cell].Centre.Easting.ToString("N0", Gb)}, {grid.Cells[cell].Centre.Northing.ToString("N0", Gb)}",
                counts[cell].ToString("N0", Gb),
                gi.Z[cell] is { } z ? z.ToString("N2", Gb) : "–",
                new TableCell(CellTable.SignificanceLabel(gi.Significance[cell]), gi.Significance[cell] > HotspotSignificance.NotSignificant ? CellStatus.Bad : CellStatus.None),
            ])).ToList();
        var caption = hot.Count > 0
            ? $"Data for the map: the {Math.Min(TableCells, hot.Count)} hot spot cells with most records of {lower}, {area}, {period}"
            : $"Data for the map: the {Math.Min(TableCells, grid.Count)} cells with most {lower}, {area}, {period} (none is a significant hot spot)";
        var data = new ReportTable(caption,
            [new("Rank", true), new("Where (LSOA holding most of the cell's records)"), new("Cell centre (easting, northing)", true), new("Records", true), new("Gi* z-score", true), new("Significance")],
            rows)
        {
            Notes =
            [
                $"Getis-Ord Gi* on {grid.Count.ToString("N0", Gb)} square cells of {size} (neighbours: the cell and the cells around it), p-values adjusted for the false discovery rate. {located.ToString("N0", Gb)} located records."
                + (boundary is not null ? $" The grid is clipped to the {area} boundary (ONS, generalised); {outside.ToString("N0", Gb)} records located outside it are left out." : string.Empty),
                HotspotMap.LocationNote,
            ],
        };
        var description = $"Map of {area} on a grid of {size} cells, shading the hot spots of {lower} in {period}, the cells with more records than expected for their size compared with the whole area: dark red at 99% confidence, light red at 95%, "
            + $"blue for cold spots; other cells are unshaded." + (boundary is not null ? $" Only cells in {area} are analysed; the area boundary" + (outlines is { Count: > 0 } ? " and ward boundaries are" : " is") + " drawn." : string.Empty)
            + $" {hot.Count.ToString("N0", Gb)} hot spot cells and {cold.ToString("N0", Gb)} cold spot cells."
            + (hot.Count > 0 ? $" The hot spot cells with most records are around {string.Join("; ", hot.Take(3).Select(PlaceName).Distinct())}." : string.Empty)
            + " The data table lists the cells.";
        var svg = HotspotMap.RenderSvg(grid, layer, HotspotMapOptions.Default with
        {
            Title = title.Length > 90 ? $"Hot spots of {lower}, {area}, {period}" : title,
            Description = description,
            Boundary = boundary,
            Outlines = outlines ?? [],
            Width = 720,
        });
        var (png, width, height) = MapRaster.ToPng(grid, layer, boundary, title: title.Length > 90 ? $"Hot spots of {lower}, {area}, {period}" : title, outlines: outlines);
        return new ReportMap(id, title, description, svg, png, width, height, data);
    }

    private static string Percent(long part, long whole) => whole == 0 ? "0%" : (100.0 * part / whole).ToString("N0", Gb) + "%";
}
