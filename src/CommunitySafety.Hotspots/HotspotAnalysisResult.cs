using System.Diagnostics.CodeAnalysis;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;

namespace CommunitySafety.Hotspots;

/// <summary>Why a hot spot analysis has no map; each caller says it in its own words.</summary>
public enum HotspotProblem
{
    /// <summary>Months of the area in the period were imported counts-only: they have no records to map (<see cref="HotspotAnalysisResult.ProblemText"/> names them).</summary>
    CountsOnlyMonths,

    /// <summary>No located records in the period (after the boundary clip, if asked).</summary>
    NoLocatedRecords,

    /// <summary>The grid could not be made (too small an area, or a cell size out of range; <see cref="HotspotAnalysisResult.ProblemText"/> says why).</summary>
    GridNotPossible,

    /// <summary><see cref="HotspotMethod.Classify"/> on a period shorter than two months (each month is one step of the series).</summary>
    TooFewMonthsToClassify,
}

/// <summary>
/// The result of <see cref="HotspotAnalysis"/>: the located records analysed, the grid, the counts per cell, the method's
/// result, the cells ready to export (<see cref="Table"/>) and the map layer; or the <see cref="Problem"/> why there is none.
/// </summary>
public sealed record HotspotAnalysisResult
{
    private Dictionary<int, IReadOnlyList<(string Code, int Records)>>? _lsoas;

    internal HotspotAnalysisResult()
    {
    }

    /// <summary>The method asked for.</summary>
    public HotspotMethod Method { get; internal init; }

    /// <summary>The number of months in the period (the previous period of <see cref="HotspotMethod.Change"/> is as long).</summary>
    public int Months { get; internal init; }

    /// <summary>The located records of the period analysed (without those left out by the boundary clip).</summary>
    public IReadOnlyList<LocatedRecord> Records { get; internal init; } = [];

    /// <summary>The area boundary the grid was laid over (<see cref="HotspotOptions.Boundary"/>), if any.</summary>
    public Boundary? Boundary { get; internal init; }

    /// <summary>Records left out because they lie outside the boundary (<see cref="HotspotOptions.ClipRecordsToBoundary"/>).</summary>
    public int OutsideBoundary { get; internal init; }

    /// <summary>Why there is no map; null when there is one.</summary>
    public HotspotProblem? Problem { get; internal init; }

    /// <summary>The reason as the part that failed states it (the counts-only months, the grid's limit), when there is one.</summary>
    public string? ProblemText { get; internal init; }

    /// <summary>True when the analysis was made: the grid, counts, table and layer are there.</summary>
    [MemberNotNullWhen(true, nameof(Grid), nameof(Counts), nameof(Table), nameof(Layer))]
    public bool HasMap => Grid is not null && Counts is not null && Table is not null && Layer is not null;

    /// <summary>The grid (cells kept inside the boundary, if one was given).</summary>
    public HotspotGrid? Grid { get; internal init; }

    /// <summary>Records per cell, in grid order.</summary>
    public int[]? Counts { get; internal init; }

    /// <summary>Records that fall in no cell of the grid (outside the boundary's cells).</summary>
    public int OutsideCells { get; internal init; }

    /// <summary>The cells with the count and the method's columns and notes, for GeoJSON and CSV.</summary>
    public CellTable? Table { get; internal init; }

    /// <summary>The method's map layer (shading and legend).</summary>
    public MapLayer? Layer { get; internal init; }

    /// <summary>Getis-Ord Gi* (<see cref="HotspotMethod.GiStar"/>).</summary>
    public GiStarResult? GiStar { get; internal init; }

    /// <summary>The kernel density (<see cref="HotspotMethod.KernelDensity"/>).</summary>
    public KernelDensityResult? KernelDensity { get; internal init; }

    /// <summary>The change per cell (<see cref="HotspotMethod.Change"/>).</summary>
    public IReadOnlyList<CellChange>? Change { get; internal init; }

    /// <summary>The hot spot types (<see cref="HotspotMethod.Classify"/>).</summary>
    public HotspotClassificationResult? Classification { get; internal init; }

    /// <summary>
    /// The LSOAs of the records in <paramref name="cell"/> with how many records each, most first (ties by code): the
    /// first names the place in words. Records without an LSOA are left out.
    /// </summary>
    /// <param name="cell">The cell's index in <see cref="Grid"/>.</param>
    /// <returns>The LSOA codes and their records; empty when the cell has none, or there is no map.</returns>
    public IReadOnlyList<(string Code, int Records)> LsoasOf(int cell)
    {
        if (Grid is null)
        {
            return [];
        }

        if (_lsoas is null)
        {
            var tally = new Dictionary<int, Dictionary<string, int>>();
            foreach (var record in Records)
            {
                if (record.LsoaCode is not { } code)
                {
                    continue;
                }

                var index = Grid.FindCell(record.Point);
                if (index < 0)
                {
                    continue;
                }

                if (!tally.TryGetValue(index, out var codes))
                {
                    tally[index] = codes = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                codes[code] = codes.GetValueOrDefault(code) + 1;
            }

            _lsoas = tally.ToDictionary(
                t => t.Key,
                t => (IReadOnlyList<(string Code, int Records)>)[.. t.Value.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))]);
        }

        return _lsoas.GetValueOrDefault(cell) ?? [];
    }
}
