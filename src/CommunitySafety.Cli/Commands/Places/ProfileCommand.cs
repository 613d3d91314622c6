using System.CommandLine;
using CommunitySafety.Assessment.Places;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;

namespace CommunitySafety.Cli.Commands.Places;

/// <summary>
/// <c>csp profile</c>: a short profile (two printed pages) of a ward (<c>--ward</c>, LSOA 2021 → ward 2024) or a neighbourhood (<c>--lsoas</c>, a file
/// of LSOA codes): counts, rates, change, trend, last outcomes and deprivation, as a table and optionally as HTML, Word or PDF.
/// </summary>
public sealed class ProfileCommand : Command
{
    private readonly CliContext _context;

    private readonly Option<string?> _ward = new("--ward")
    {
        Description = "An electoral ward (2024) by name or code, e.g. 'South' or E05014750; add the local authority when the name is in several ('South, Luton').",
        HelpName = "name or code",
    };

    private readonly Option<string?> _lsoas = new("--lsoas")
    {
        Description = "A file listing the neighbourhood's LSOA codes, one a line (a header and lines starting with # are ignored).",
        HelpName = "file",
    };

    private readonly Option<string?> _period = AnalysisOptions.Period();

    private readonly Option<string> _show = AnalysisOptions.Show("summary, types, months, outcomes or deciles.", "summary", "types", "months", "outcomes", "deciles");

    private readonly Option<string[]> _report = new("--report")
    {
        Description = "Also write the profile to this file: .html, .docx or .pdf (repeat for several).",
        HelpName = "file",
    };

    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public ProfileCommand(CliContext context)
        : base("profile", "A short profile (two printed pages) of a ward or a neighbourhood (a list of LSOAs): crime and anti-social behaviour, rates per 1,000 residents, change, trend, last outcomes and deprivation.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Options.Add(_ward);
        Options.Add(_lsoas);
        Options.Add(_period);
        Options.Add(_show);
        Options.Add(_report);
        Options.Add(_format);
        Options.Add(_out);
        Validators.Add(r =>
        {
            if ((r.GetValue(_ward) is null) == (r.GetValue(_lsoas) is null))
            {
                r.AddError("Give either --ward or --lsoas (one of them).");
            }
        });
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var reports = parseResult.GetValue(_report) ?? [];
        foreach (var path in reports)
        {
            ReportOutput.Check(path);
        }

        NeighbourhoodProfileResult result;
        using (var store = StoreAccess.OpenExisting(_context, parseResult))
        {
            var query = new NeighbourhoodQuery(store);
            Neighbourhood neighbourhood;
            try
            {
                neighbourhood = parseResult.GetValue(_ward) is { } ward ? query.Ward(ward) : query.FromFile(_context.ResolvePath(parseResult.GetValue(_lsoas)!));
            }
            catch (AreaNotFoundException e)
            {
                throw new CliException(ExitCode.NotFound, e.Suggestions.Count == 0
                    ? $"No ward called '{e.Text}' in the imported ward lookup (import the ONS LSOA 2021 → ward 2024 lookup with `csp import lookup`)."
                    : $"No ward called '{e.Text}'. Did you mean: {string.Join("; ", e.Suggestions)}?", e);
            }
            catch (AmbiguousWardException e)
            {
                throw new CliException(ExitCode.UsageError, e.Message, e);
            }
            catch (ImportRejectedException e)
            {
                throw new CliException(ExitCode.InvalidInput, e.Message, e);
            }
            catch (IOException e)
            {
                throw new CliException(ExitCode.NotFound, $"--lsoas: {e.Message}", e);
            }

            var (first, last) = Months(store, neighbourhood, parseResult.GetValue(_period));
            result = new NeighbourhoodProfile(store).For(neighbourhood, first, last);
        }

        var table = parseResult.GetValue(_show) switch
        {
            "types" => Types(result),
            "months" => MonthsTable(result),
            "outcomes" => Outcomes(result),
            "deciles" => Deciles(result),
            _ => Summary(result),
        };
        table.Title = $"{result.Neighbourhood.Name} ({result.Neighbourhood.Kind}), {result.PeriodText}";
        table.Notes.Add($"Area: {result.Neighbourhood.Definition} ({result.Neighbourhood.Lsoas.Count} LSOAs).");
        table.Notes.Add($"Residents: {result.PopulationSource}.");
        table.Notes.AddRange(result.Notes);
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        if (reports.Length > 0)
        {
            await ReportOutput.WriteAsync(ProfileReportBuilder.Build(result), [.. reports.Select(_context.ResolvePath)]).ConfigureAwait(false);
            foreach (var path in reports)
            {
                _context.Say($"Wrote {_context.ResolvePath(path)}");
            }
        }

        return (int)ExitCode.Ok;
    }

    private static (YearMonth First, YearMonth Last) Months(Data.Store.AnalyticalStore store, Neighbourhood neighbourhood, string? text)
    {
        if (text is not null)
        {
            return CommandInputs.PeriodMonths(text);
        }

        var counts = new NeighbourhoodQuery(store).Counts(neighbourhood, new YearMonth(1990, 1), new YearMonth(2100, 12));
        if (counts.MonthsCovered.Count == 0)
        {
            throw new CliException(ExitCode.NoData, $"No police.uk records are imported for {neighbourhood.Name}'s LSOAs.");
        }

        var last = counts.MonthsCovered[^1];
        return (ReportingPeriod.Rolling12MonthsTo(last).FirstMonth, last);
    }

    private static ResultTable Summary(NeighbourhoodProfileResult r)
    {
        var table = new ResultTable(new ResultColumn("Strand"), new ResultColumn("Count", true), new ResultColumn("Year before", true),
            new ResultColumn("Rate per 1,000", true, "N2"), new ResultColumn("Lower 95%", true, "N2"), new ResultColumn("Upper 95%", true, "N2"),
            new ResultColumn("Change"), new ResultColumn("Residents", true, "N0"));
        foreach (var s in new[] { r.Crime, r.AntiSocialBehaviour })
        {
            var change = s.Change is { } c ? $"{c.Describe()}; {(c.Direction == Statistics.Direction.Similar ? "not significant" : "significant")}" : "not compared";
            table.Add(s.Name, s.Count, s.PreviousCount, s.Rate?.Value, s.Rate?.Lower95, s.Rate?.Upper95, change, r.Population);
        }

        if (r.Outcomes.FirstOrDefault() is { } top)
        {
            table.Notes.Add($"Most common last outcome of its crimes: {top.Outcome} ({AnalysisOptions.Percent(top.Share)}); --show outcomes lists them all.");
        }
        return table;
    }

    private static ResultTable Types(NeighbourhoodProfileResult r)
    {
        var table = new ResultTable(new ResultColumn("Type"), new ResultColumn("Count", true), new ResultColumn("Year before", true));
        foreach (var t in r.ByType)
        {
            table.Add(t.Type.Name, t.Count, t.PreviousCount);
        }

        return table;
    }

    private static ResultTable MonthsTable(NeighbourhoodProfileResult r)
    {
        var table = new ResultTable(new ResultColumn("Month"), new ResultColumn("Crime", true), new ResultColumn("Anti-social behaviour", true));
        foreach (var m in r.Monthly)
        {
            table.Add(m.Month.ToString(), m.Crime is null ? "not imported" : m.Crime, m.AntiSocialBehaviour is null ? "not imported" : m.AntiSocialBehaviour);
        }

        return table;
    }

    private static ResultTable Outcomes(NeighbourhoodProfileResult r)
    {
        var table = new ResultTable(new ResultColumn("Last outcome"), new ResultColumn("Crimes", true), new ResultColumn("Share"));
        foreach (var o in r.Outcomes)
        {
            table.Add(o.Outcome, o.Count, AnalysisOptions.Percent(o.Share));
        }

        table.Notes.Add(NeighbourhoodProfileResult.OutcomeCaveat);
        return table;
    }

    private static ResultTable Deciles(NeighbourhoodProfileResult r)
    {
        var table = new ResultTable(new ResultColumn("Decile"), new ResultColumn("LSOAs", true), new ResultColumn("Residents", true, "N0"));
        foreach (var d in r.Deciles)
        {
            table.Add(PlacesSections.DecileLabel(d.Decile), d.Lsoas, d.Population);
        }

        table.Notes.Add(r.IndexSource is { } s ? $"Deprivation: {s}." : "No deprivation index is imported.");
        return table;
    }
}
