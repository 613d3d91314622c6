using System.Globalization;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Hotspots.Projection;
using CommunitySafety.Periods;

namespace CommunitySafety.Hotspots;

/// <summary>
/// The hot spot use case, one home for <c>csp hotspots</c>, the area page and its downloads, and the reports' maps: reads
/// the area's located records from the store (<see cref="HotspotPointsQuery"/>), projects them to the British National
/// Grid, lays the grid over them (or over the area boundary), counts them per cell and runs the method asked for. The
/// callers only ask and render (title, SVG, GeoJSON, CSV, the report's table).
/// </summary>
public static class HotspotAnalysis
{
    /// <summary>Analyses the area's located records in the period.</summary>
    /// <param name="store">The analytical store.</param>
    /// <param name="request">The area, period, crime types and method.</param>
    /// <returns>The analysis, or the problem why there is none (<see cref="HotspotAnalysisResult.Problem"/>).</returns>
    public static HotspotAnalysisResult Run(AnalyticalStore store, HotspotRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Period;
        // Change compares with the previous period of the same length, so it reads that too.
        var first = request.Options.Method == HotspotMethod.Change ? period.Previous.FirstMonth : period.FirstMonth;
        IReadOnlyList<HotspotPoint> points;
        try
        {
            points = new HotspotPointsQuery(store).Read(request.Area, first, period.LastMonth, request.CrimeTypes);
        }
        catch (CountsOnlyMonthsException e)
        {
            // Months imported counts-only have no records to map: say so rather than map the other months only.
            return new HotspotAnalysisResult
            {
                Method = request.Options.Method,
                Months = period.MonthCount,
                Boundary = request.Options.Boundary,
                Problem = HotspotProblem.CountsOnlyMonths,
                ProblemText = e.Message,
            };
        }

        var records = points.Select(p => new LocatedRecord(BritishNationalGrid.FromWgs84(new GeoPoint(p.Longitude, p.Latitude)), p.LsoaCode, p.Month)).ToList();
        return Analyse(records, period, request.Options);
    }

    /// <summary>
    /// Analyses located records already projected: the records of <paramref name="period"/> are mapped, those before it
    /// are the previous period of <see cref="HotspotMethod.Change"/>.
    /// </summary>
    /// <param name="records">The located records.</param>
    /// <param name="period">The period mapped; null when every record is in it (not for <see cref="HotspotMethod.Change"/> or <see cref="HotspotMethod.Classify"/>, which need the months).</param>
    /// <param name="options">The method, grid and boundary.</param>
    /// <returns>The analysis, or the problem why there is none.</returns>
    public static HotspotAnalysisResult Analyse(IReadOnlyList<LocatedRecord> records, ReportingPeriod? period, HotspotOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        if (period is null && options.Method is HotspotMethod.Change or HotspotMethod.Classify)
        {
            throw new ArgumentException($"{options.Method} needs the period's months.", nameof(period));
        }

        var months = period?.MonthCount ?? 0;
        var current = period is { } p ? records.Where(r => r.Month >= p.FirstMonth).ToList() : [.. records];
        var outsideBoundary = 0;
        if (options.ClipRecordsToBoundary && options.Boundary is { } clip)
        {
            var inside = current.Where(r => clip.Contains(r.Point)).ToList();
            outsideBoundary = current.Count - inside.Count;
            current = inside;
        }

        var points = current.Select(r => r.Point).ToList();
        var analysed = new HotspotAnalysisResult
        {
            Method = options.Method,
            Months = months,
            Records = current,
            OutsideBoundary = outsideBoundary,
            Boundary = options.Boundary,
        };
        HotspotAnalysisResult Failed(HotspotProblem problem, string? text = null) => analysed with { Problem = problem, ProblemText = text };

        if (points.Count == 0)
        {
            return Failed(HotspotProblem.NoLocatedRecords);
        }

        HotspotGrid grid;
        try
        {
            grid = options.Boundary is { } boundary ? HotspotGrid.Covering(boundary, options.Grid) : HotspotGrid.Covering(points, options.Grid);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return Failed(HotspotProblem.GridNotPossible, e.Message.Split(" (Parameter", 2)[0]);
        }

        var table = new CellTable(grid);
        var counts = grid.CountPoints(points, out var outsideCells);
        table.AddCounts(counts);
        GiStarResult? gi = null;
        KernelDensityResult? kde = null;
        CellChange[]? change = null;
        HotspotClassificationResult? classification = null;
        MapLayer layer;
        switch (options.Method)
        {
            case HotspotMethod.KernelDensity:
                kde = Hotspots.Methods.KernelDensity.Estimate(grid, points, KernelDensityOptions.Default with { Bandwidth = options.Bandwidth });
                table.AddKernelDensity(kde);
                layer = MapLayer.Sequential(string.Create(CultureInfo.InvariantCulture, $"Crimes per km² (bandwidth {kde.Bandwidth:0} m)"), kde.Density);
                break;
            case HotspotMethod.GiStar:
                gi = GetisOrdGiStar.Calculate(grid, counts);
                table.AddGiStar(gi);
                layer = MapLayer.GiStar(gi);
                break;
            case HotspotMethod.Change:
                var before = records.Where(r => r.Month < period!.Value.FirstMonth).Select(r => r.Point).ToList();
                change = HotspotChange.Calculate(grid, before, points);
                table.AddChange(change);
                layer = MapLayer.Change(change);
                break;
            case HotspotMethod.Classify:
                if (months < 2)
                {
                    return Failed(HotspotProblem.TooFewMonthsToClassify);
                }

                var firstIndex = period!.Value.FirstMonth.Index;
                var series = Enumerable.Range(0, months)
                    .Select(k => (IReadOnlyList<GridPoint>)current.Where(r => r.Month.Index == firstIndex + k).Select(r => r.Point).ToList())
                    .ToList();
                classification = HotspotClassification.Classify(grid, series, HotspotClassificationOptions.Default);
                table.AddClassification(classification);
                layer = MapLayer.Trend(classification);
                break;
            default:
                layer = MapLayer.Sequential("Crimes per cell", counts);
                break;
        }

        return analysed with
        {
            Grid = grid,
            Counts = counts,
            OutsideCells = outsideCells,
            Table = table,
            Layer = layer,
            GiStar = gi,
            KernelDensity = kde,
            Change = change,
            Classification = classification,
        };
    }
}
