using System.CommandLine;
using System.Globalization;
using CommunitySafety.Assessment.StopSearch;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;

namespace CommunitySafety.Cli.Commands.StopSearch;

/// <summary>
/// <c>csp stop-search</c>: a force's stop and search for a year: rates per 1,000 and disproportionality ratios against
/// White by ethnic group (self- and officer-defined), or counts by month, legislation, object, outcome or type.
/// </summary>
public sealed class StopSearchCommand : Command
{
    private static readonly string[] Groupings = ["ethnicity", "month", "legislation", "object", "outcome", "type"];
    private readonly CliContext _context;

    private readonly Option<string?> _area = new("--area")
    {
        Description = "A local authority, CSP or police force area (its force's searches are shown: police.uk gives no area for a search).",
        HelpName = "name or code",
    };

    private readonly Option<string?> _force = new("--force")
    {
        Description = "A force, e.g. 'Bedfordshire Police' or 'Bedfordshire'.",
        HelpName = "force",
    };

    private readonly Option<string> _year = new("--year")
    {
        Description = "The financial year, e.g. 2023/24.",
        Required = true,
        HelpName = "yyyy/yy",
    };

    private readonly Option<string> _by = new("--by")
    {
        Description = "ethnicity (rates per 1,000 and ratios against White), month, legislation, object, outcome or type.",
        DefaultValueFactory = _ => "ethnicity",
        HelpName = string.Join('|', Groupings),
    };

    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public StopSearchCommand(CliContext context)
        : base("stop-search", "Stop and search for a force or an area's force and year: counts by month, legislation, object and outcome, the find rate, and rates and disproportionality ratios by ethnic group.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        CommonOptions.AcceptOneOf(_by, Groupings);
        Validators.Add(r =>
        {
            if ((r.GetValue(_area) is null) == (r.GetValue(_force) is null))
            {
                r.AddError("Give one of --area or --force.");
            }
        });
        Options.Add(_area);
        Options.Add(_force);
        Options.Add(_year);
        Options.Add(_by);
        Options.Add(_format);
        Options.Add(_out);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var year = CommandInputs.FinancialYearOf(parseResult.GetValue(_year), "2023/24");

        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var area = CommandInputs.ResolveArea(store, parseResult.GetValue(_force) is { } force ? force + " force" : parseResult.GetValue(_area)!);

        var result = new StopSearchAnalysis(store).For(new StopSearchRequest { Area = area, Year = year });
        if (result.NotAvailable is { } why)
        {
            throw new CliException(ExitCode.NoData, why);
        }

        var by = parseResult.GetValue(_by)!.ToLowerInvariant();
        var table = by == "ethnicity" ? Ethnicity(result) : Counts(result, by);
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    private static string Period(StopSearchResult r) => $"{r.Year} ({r.Months.Count} of 12 months)";

    /// <summary>Rates per 1,000 and ratios against White, self-defined then officer-defined.</summary>
    internal static ResultTable Ethnicity(StopSearchResult result)
    {
        var table = new ResultTable(
            new ResultColumn("Ethnicity"),
            new ResultColumn("Ethnic group"),
            new ResultColumn("Period"),
            new ResultColumn("Searches", IsNumeric: true),
            new ResultColumn("Population (Census 2021)", IsNumeric: true, Format: "N0"),
            new ResultColumn("Rate per 1,000", IsNumeric: true, Format: "N2"),
            new ResultColumn("Rate lower 95%", IsNumeric: true, Format: "N2"),
            new ResultColumn("Rate upper 95%", IsNumeric: true, Format: "N2"),
            new ResultColumn("Ratio to White", IsNumeric: true, Format: "N2"),
            new ResultColumn("Ratio lower 95%", IsNumeric: true, Format: "N2"),
            new ResultColumn("Ratio upper 95%", IsNumeric: true, Format: "N2"),
            new ResultColumn("Home Office published rate per 1,000", IsNumeric: true, Format: "N1"),
            new ResultColumn("Source"));
        var source = $"police.uk stop and search, {string.Join(", ", result.Forces)}; Census 2021 residents (ONS TS021), {result.Population?.Name} {result.Population?.Geography}";
        foreach (var rates in result.Ethnicity)
        {
            var definition = rates.Definition == EthnicityDefinition.SelfDefined ? "self-defined" : "officer-defined";
            foreach (var row in rates.Rows)
            {
                table.Add(definition, row.Group, Period(result), row.Searches, row.Population, row.Rate?.Value, row.Rate?.Lower95, row.Rate?.Upper95,
                    row.Ratio?.Ratio, row.Ratio?.Lower95, row.Ratio?.Upper95, row.Published, source);
            }
        }

        table.Title = $"Stop and search by ethnic group, {Text(result)}, {result.Year}";
        table.Notes.AddRange(result.Summary);
        table.Notes.AddRange(result.Provenance);
        foreach (var rates in result.Ethnicity)
        {
            table.Notes.Add(rates.Note);
        }

        if (result.EthnicityNote is { } note)
        {
            table.Notes.Add(note);
        }

        table.Notes.Add("Ratio to White: the group's rate ÷ the White rate (2.0 = searched twice as often for its share of the population); 95% interval by the exact method for the ratio of two Poisson rates. Residents only: people searched who live elsewhere are counted, but not in the population.");
        return table;
    }

    /// <summary>Counts and shares by one characteristic.</summary>
    internal static ResultTable Counts(StopSearchResult result, string by)
    {
        var first = by switch
        {
            "month" => "Month",
            "legislation" => "Legislation",
            "object" => "Object of search",
            "outcome" => "Outcome",
            _ => "Type of search",
        };
        var table = new ResultTable(
            new ResultColumn(first),
            new ResultColumn("Period"),
            new ResultColumn("Searches", IsNumeric: true),
            new ResultColumn("Share %", IsNumeric: true, Format: "N1"),
            new ResultColumn("Lower 95% limit", IsNumeric: true, Format: "N1"),
            new ResultColumn("Upper 95% limit", IsNumeric: true, Format: "N1"));
        if (by == "month")
        {
            foreach (var (month, n) in result.ByMonth)
            {
                var share = n is { } c ? Statistics.Proportion.Calculate(c, result.Searches) : (Statistics.ProportionResult?)null;
                table.Add(month.ToString(), n is null ? "not imported" : Period(result), n, share?.Value, share?.Lower95, share?.Upper95);
            }
        }
        else
        {
            var list = by switch
            {
                "legislation" => result.ByLegislation,
                "object" => result.ByObject,
                "outcome" => result.ByOutcome,
                _ => result.ByType,
            };
            foreach (var s in list)
            {
                table.Add(s.Label, Period(result), s.Share.Numerator, s.Share.Value, s.Share.Lower95, s.Share.Upper95);
            }
        }

        table.Add("All searches", Period(result), result.Searches, 100.0, null, null);
        table.Title = $"Stop and search by {first.ToLowerInvariant()}, {Text(result)}, {result.Year}";
        table.Notes.AddRange(result.Summary);
        table.Notes.Add(string.Format(CultureInfo.GetCultureInfo("en-GB"),
            "Find rate (outcome linked to the object of the search): {0:N1}% (95% limits {1:N1}% to {2:N1}%), {3:N0} of {4:N0} searches; {5:N0} searches leave the link blank (police.uk leaves it blank when there was no further action).",
            result.FindRate.Value, result.FindRate.Lower95, result.FindRate.Upper95, result.FindRate.Numerator, result.Searches, result.LinkNotRecorded));
        table.Notes.AddRange(result.Provenance);
        return table;
    }

    private static string Text(StopSearchResult r) =>
        r.Area.Kind == AreaKind.Force ? r.Area.Name : $"{string.Join(", ", r.Forces)} (the force for {r.Area.Name})";
}
