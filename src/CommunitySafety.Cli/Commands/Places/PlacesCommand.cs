using System.CommandLine;
using System.Globalization;
using CommunitySafety.Assessment.Places;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;

namespace CommunitySafety.Cli.Commands.Places;

/// <summary><c>csp places</c>: the police.uk map points with the most crimes, the share at the top 1% and 5% of places, and persistence.</summary>
public sealed class PlacesCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<string> _area = AnalysisOptions.Area();
    private readonly Option<string?> _period = AnalysisOptions.Period();
    private readonly Option<bool> _includeAsb = AnalysisOptions.IncludeAsb();

    private readonly Option<string[]> _types = CommonOptions.CrimeTypes("Shoplifting");

    private readonly Option<int> _top = new("--top")
    {
        Description = "How many places to list.",
        DefaultValueFactory = _ => 20,
        HelpName = "n",
    };

    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public PlacesCommand(CliContext context)
        : base("places", "Repeat places: the police.uk anonymous map points with the most crimes over 12 months, the share of crime at the top 1% and 5% of places, and whether the same places were at the top the year before.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Options.Add(_area);
        Options.Add(_period);
        Options.Add(_types);
        Options.Add(_includeAsb);
        Options.Add(_top);
        Options.Add(_format);
        Options.Add(_out);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var types = CommonOptions.CrimeTypesOf(parseResult, _types);
        var top = parseResult.GetValue(_top);
        if (top < 1)
        {
            throw new CliException(ExitCode.UsageError, "--top must be at least 1.");
        }

        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var (area, first, last) = AnalysisOptions.AreaAndMonths(store, parseResult, _area, _period);
        RepeatPlacesResult result;
        try
        {
            result = new RepeatPlacesAnalysis(store).For(new RepeatPlacesRequest(area, first, last, types.Count > 0 ? types : null, parseResult.GetValue(_includeAsb), top));
        }
        catch (CountsOnlyMonthsException e)
        {
            throw new CliException(ExitCode.NoData, e.Message, e);
        }

        var table = Build(result);
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    /// <summary>The table of top places with the findings as notes.</summary>
    internal static ResultTable Build(RepeatPlacesResult r)
    {
        var gb = CultureInfo.GetCultureInfo("en-GB");
        var table = new ResultTable(new ResultColumn("Rank", true), new ResultColumn("Map point (not an address)"), new ResultColumn("LSOA"), new ResultColumn("LSOA name"),
            new ResultColumn("Longitude", true, "F6"), new ResultColumn("Latitude", true, "F6"), new ResultColumn("Crimes", true),
            new ResultColumn("Crimes the year before", true), new ResultColumn("Top 5% the year before"));
        foreach (var p in r.Top)
        {
            table.Add(p.Rank, p.Location, p.LsoaCode, p.LsoaName, p.Longitude, p.Latitude, p.Count, p.PreviousCount, p.WasTopFivePercentBefore switch { true => "yes", false => "no", _ => "–" });
        }

        table.Title = $"{r.Request.Area.Name}: places with the most {r.What}, {r.PeriodText}";
        table.Notes.Add(string.Create(gb, $"{r.Records:N0} located records at {r.Places:N0} map points; {r.MonthsCovered} of {r.Request.LastMonth.MonthsSince(r.Request.FirstMonth) + 1} months imported."));
        foreach (var s in r.TopShares)
        {
            table.Notes.Add(string.Create(gb, $"The top {s.Fraction:P0} of places ({s.Places:N0}) had {s.Count:N0} records, {AnalysisOptions.Percent(s.Share)} of all."));
        }

        if (r.Persistence is { } p2)
        {
            table.Notes.Add(string.Create(gb, $"Persistence: {p2.Stayed:N0} of the {p2.Of:N0} places in the top 5% were also in the top 5% in {r.PreviousPeriodText}."));
        }

        foreach (var s in r.PreviousTopShares)
        {
            table.Notes.Add(string.Create(gb, $"{r.PreviousPeriodText}: the top {s.Fraction:P0} of places ({s.Places:N0}) had {AnalysisOptions.Percent(s.Share)} of records."));
        }

        table.Notes.Add(string.Create(gb, $"Gini coefficient over places with records: {r.Concentration.Gini?.ToString("N3", gb) ?? "–"}."));
        table.Notes.AddRange(r.Notes);
        return table;
    }
}
