using System.CommandLine;
using System.Globalization;
using CommunitySafety.Assessment.Places;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Commands.Places;

/// <summary><c>csp asb</c>: anti-social behaviour as its own strand: count, rate, change, monthly trend and hot spots.</summary>
public sealed class AsbCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<string> _area = AnalysisOptions.Area();
    private readonly Option<string?> _period = AnalysisOptions.Period();

    private readonly Option<string> _show = AnalysisOptions.Show("summary, months (the monthly trend over this period and the one before), lsoas (the LSOAs with most) or places (the map points with most).", "summary", "months", "lsoas", "places");

    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public AsbCommand(CliContext context)
        : base("asb", "Anti-social behaviour as its own strand (not crime): count, rate per 1,000 with 95% limits, change on the year before, monthly trend and hot spots.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Options.Add(_area);
        Options.Add(_period);
        Options.Add(_show);
        Options.Add(_format);
        Options.Add(_out);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var (area, first, last) = AnalysisOptions.AreaAndMonths(store, parseResult, _area, _period);
        var result = new AsbAnalysis(store).For(new AsbRequest(area, first, last));
        var table = parseResult.GetValue(_show) switch
        {
            "months" => Months(result),
            "lsoas" => Lsoas(result),
            "places" => Places(result),
            _ => Summary(result),
        };
        table.Title = $"{area.Name}: anti-social behaviour, {result.PeriodText}";
        table.Notes.AddRange(result.Notes);
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    /// <summary>One row: the strand's figures.</summary>
    internal static ResultTable Summary(AsbResult r)
    {
        var table = new ResultTable(new ResultColumn("Area"), new ResultColumn("Incidents", true), new ResultColumn("Rate per 1,000", true, "N2"),
            new ResultColumn("Lower 95%", true, "N2"), new ResultColumn("Upper 95%", true, "N2"), new ResultColumn("Year before", true),
            new ResultColumn("Change"), new ResultColumn("Share of all police.uk records"));
        var change = r.Change is { } c ? $"{c.Describe()}; {(c.Direction is Statistics.Direction.Similar ? "not significant" : "significant")} ({(c.PValue < 0.001 ? "p < 0.001" : "p = " + c.PValue.ToString("0.###", CultureInfo.InvariantCulture))})" : "not compared (see notes)";
        table.Add(r.Request.Area.Name, r.Count, r.Rate?.Value, r.Rate?.Lower95, r.Rate?.Upper95, r.PreviousCount, change, AnalysisOptions.Percent(r.ShareOfRecords));
        table.Notes.Add(r.Population is { } p ? $"Rate per 1,000 residents: {p.Description.TrimEnd('.')}. 95% limits by Byar's method." : $"No rate: {r.PopulationNote}.");
        return table;
    }

    private static ResultTable Months(AsbResult r)
    {
        var table = new ResultTable(new ResultColumn("Month"), new ResultColumn("Incidents", true));
        foreach (var (month, count) in r.Monthly)
        {
            table.Add(month.ToString(), count is null ? "not imported" : count);
        }

        return table;
    }

    private static ResultTable Lsoas(AsbResult r)
    {
        var table = new ResultTable(new ResultColumn("LSOA"), new ResultColumn("Name"), new ResultColumn("Incidents", true), new ResultColumn("Residents", true, "N0"),
            new ResultColumn("Rate per 1,000", true, "N2"), new ResultColumn("Lower 95%", true, "N2"), new ResultColumn("Upper 95%", true, "N2"), new ResultColumn("IMD decile", true));
        foreach (var l in r.Lsoas)
        {
            table.Add(l.Code, l.Name, l.Count, l.Population, l.Rate?.Value, l.Rate?.Lower95, l.Rate?.Upper95, l.Decile);
        }

        table.Notes.Add(r.LsoaSource + ".");
        return table;
    }

    private static ResultTable Places(AsbResult r)
    {
        var table = new ResultTable(new ResultColumn("Rank", true), new ResultColumn("Map point (not an address)"), new ResultColumn("LSOA"),
            new ResultColumn("Longitude", true, "F6"), new ResultColumn("Latitude", true, "F6"), new ResultColumn("Incidents", true));
        foreach (var p in r.Places)
        {
            table.Add(p.Rank, p.Location, p.LsoaCode, p.Longitude, p.Latitude, p.Count);
        }

        return table;
    }
}
