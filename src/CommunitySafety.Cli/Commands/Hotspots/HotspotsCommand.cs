using System.CommandLine;
using System.Globalization;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Hotspots;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Hotspots;

/// <summary>
/// <c>csp hotspots</c>: a hot spot map (SVG) or the cells (GeoJSON, CSV) of an area's located crime: counts, kernel
/// density, Getis-Ord Gi*, change from the previous period, or persistent/emerging/former/intermittent hot spots.
/// </summary>
public sealed class HotspotsCommand : Command
{
    private static readonly string[] Methods = ["count", "kde", "gistar", "change", "classify"];

    private readonly CliContext _context;

    private readonly Option<string> _area = new("--area")
    {
        Description = "A local authority, CSP or police force area by name or ONS code (Luton, E06000044), or a force.",
        Required = true,
        HelpName = "name or code",
    };

    private readonly Option<string[]> _types = CommonOptions.CrimeTypes();

    private readonly Option<string> _period = new("--period")
    {
        Description = "The period: 2024/25, Q4 2024/25, 2024, 2025-03 or '12 months to 2025-03'.",
        Required = true,
        HelpName = "period",
    };

    private readonly Option<string> _method = new("--method")
    {
        Description = "count, kde (kernel density), gistar (Getis-Ord Gi*, FDR-adjusted), change (from the previous period of the same length) or classify (hot spots month by month).",
        DefaultValueFactory = _ => "count",
        HelpName = "count|kde|gistar|change|classify",
    };

    private readonly Option<string> _out = new("--out")
    {
        Description = "The file to write: .svg (map), .geojson or .csv (cells).",
        Required = true,
        HelpName = "file",
    };

    private readonly Option<double?> _cellSize = new("--cell-size")
    {
        Description = "Cell size in metres. Default: 50 cells on the shorter side of the area, rounded down to 100 m.",
        HelpName = "metres",
    };

    private readonly Option<bool> _hex = new("--hex") { Description = "Hexagonal cells instead of squares." };

    private readonly Option<double?> _bandwidth = new("--bandwidth")
    {
        Description = "KDE bandwidth in metres. Default: the normal reference rule (as sfhotspot).",
        HelpName = "metres",
    };

    private readonly Option<string?> _boundary = new("--boundary")
    {
        Description = "A GeoJSON file (WGS84) with the area's boundary: cells are kept where they overlap it, and it is drawn on the map.",
        HelpName = "file",
    };

    /// <summary>Creates the command.</summary>
    public HotspotsCommand(CliContext context)
        : base("hotspots", "Map where crime concentrates: counts, kernel density, Gi* hot spots, change and hot spot types, as SVG, GeoJSON or CSV.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        CommonOptions.AcceptOneOf(_method, Methods);
        Options.Add(_area);
        Options.Add(_types);
        Options.Add(_period);
        Options.Add(_method);
        Options.Add(_out);
        Options.Add(_cellSize);
        Options.Add(_hex);
        Options.Add(_bandwidth);
        Options.Add(_boundary);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var method = parseResult.GetValue(_method)!.ToLowerInvariant();
        var outPath = _context.ResolvePath(parseResult.GetValue(_out)!);
        var extension = Path.GetExtension(outPath).ToLowerInvariant();
        if (extension is not (".svg" or ".geojson" or ".json" or ".csv"))
        {
            throw new CliException(ExitCode.UsageError, "--out must end in .svg, .geojson or .csv.");
        }

        var period = CommandInputs.Parse(parseResult.GetValue(_period)!, "--period", s => ReportingPeriod.Parse(s))!.Value;

        var types = CommonOptions.CrimeTypesOf(parseResult, _types);

        Boundary? boundary = null;
        if (parseResult.GetValue(_boundary) is { } boundaryPath)
        {
            try
            {
                boundary = Boundary.FromGeoJson(File.ReadAllText(_context.ResolvePath(boundaryPath)));
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCode.InvalidInput, $"--boundary: {e.Message}", e);
            }
        }

        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var area = CommandInputs.ResolveArea(store, parseResult.GetValue(_area)!);

        var analysis = HotspotAnalysis.Run(store, new HotspotRequest
        {
            Area = area,
            Period = period,
            CrimeTypes = types,
            Options = new HotspotOptions
            {
                Method = MethodOf(method),
                Grid = GridOptions.Default with { CellSize = parseResult.GetValue(_cellSize), Shape = parseResult.GetValue(_hex) ? CellShape.Hexagon : CellShape.Square },
                Bandwidth = parseResult.GetValue(_bandwidth),
                Boundary = boundary,
            },
        });
        if (!analysis.HasMap)
        {
            throw analysis.Problem switch
            {
                HotspotProblem.NoLocatedRecords => new CliException(ExitCode.NoData, $"No located records for {area} in {period}."),
                HotspotProblem.TooFewMonthsToClassify => new CliException(ExitCode.UsageError, "--method classify needs a period of two months or more (each month is one step of the series)."),
                HotspotProblem.GridNotPossible => new CliException(ExitCode.UsageError, analysis.ProblemText!),
                _ => new CliException(ExitCode.NoData, analysis.ProblemText!),
            };
        }

        var (grid, table, layer) = (analysis.Grid, analysis.Table, analysis.Layer);
        var located = analysis.Records.Count;
        var typeText = types.Count == 0 ? "All crime" : string.Join(", ", types.Select(t => t.Name));
        var title = $"{typeText}, {area.Name}, {period}";
        if (analysis.Method == HotspotMethod.Change)
        {
            var months = analysis.Months;
            title += $", change from the previous {months} month{(months == 1 ? string.Empty : "s")}";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        switch (extension)
        {
            case ".svg":
                File.WriteAllText(outPath, HotspotMap.RenderSvg(grid, layer, HotspotMapOptions.Default with
                {
                    Title = title,
                    Description = $"{located:N0} located records; {area.BasisDescription}",
                    Boundary = boundary,
                    Notes = table.Notes,
                }));
                break;
            case ".csv":
                File.WriteAllText(outPath, CellExport.ToCsv(table));
                break;
            default:
                using (var stream = File.Create(outPath))
                {
                    CellExport.WriteGeoJson(table, stream);
                }

                break;
        }

        _context.Say(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {located:N0} located records on {grid.Count:N0} cells of {grid.CellSize:0} m{(grid.CellSizeIsAutomatic ? " (automatic)" : string.Empty)}; wrote {outPath}."));
        if (analysis.OutsideCells > 0)
        {
            _context.Say($"{analysis.OutsideCells:N0} records fall outside the boundary's cells and are not mapped.");
        }

        foreach (var note in table.Notes.Prepend(HotspotMap.LocationNote))
        {
            _context.Say(note);
        }

        return (int)ExitCode.Ok;
    }

    private static HotspotMethod MethodOf(string method) => method switch
    {
        "kde" => HotspotMethod.KernelDensity,
        "gistar" => HotspotMethod.GiStar,
        "change" => HotspotMethod.Change,
        "classify" => HotspotMethod.Classify,
        _ => HotspotMethod.Count,
    };
}
