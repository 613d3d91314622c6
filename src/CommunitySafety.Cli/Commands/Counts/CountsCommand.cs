using System.CommandLine;
using System.Globalization;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Crime;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Counts;

/// <summary>
/// <c>csp counts</c>: crime counts and crude rates with 95% confidence limits, for an area or force, by crime type or period.
/// </summary>
public sealed class CountsCommand : Command
{
    private static readonly Dictionary<string, CountGrouping> Groupings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["total"] = CountGrouping.Total,
        ["type"] = CountGrouping.CrimeType,
        ["month"] = CountGrouping.Month,
        ["quarter"] = CountGrouping.FinancialQuarter,
        ["year"] = CountGrouping.FinancialYear,
        ["calendar-year"] = CountGrouping.CalendarYear,
    };

    private readonly CliContext _context;

    private readonly Option<string> _area = new("--area")
    {
        Description = "A local authority, CSP or police force area by name or ONS code (Luton, E06000044), England and Wales, " +
                      "or a force as written in the files ('Bedfordshire Police' or 'Bedfordshire'). A force counts every record it " +
                      "reported, located or not; an area counts records located in it.",
        Required = true,
        HelpName = "name or code",
    };

    private readonly Option<string> _by = new("--by")
    {
        Description = "Rows: total, type (crime type), month, quarter (financial), year (financial, April–March) or calendar-year.",
        DefaultValueFactory = _ => "type",
        HelpName = "total|type|month|quarter|year|calendar-year",
    };

    private readonly Option<string?> _period = new("--period")
    {
        Description = "The period: 2024/25 (financial year), Q4 2024/25, 2024 (calendar year), 2025-03 (month) or '12 months to 2025-03'. Default: every month in the store.",
        HelpName = "period",
    };

    private readonly Option<string[]> _types = CommonOptions.CrimeTypes();

    private readonly Option<double> _per = new("--per")
    {
        Description = "Rates per this many people: 1000 or 100000.",
        DefaultValueFactory = _ => 1000,
        HelpName = "n",
    };

    private readonly Option<string?> _ageBand = new("--age-band")
    {
        Description = "Rates per the population of an age band, e.g. 10-17 or 60+ (the band must be built from the imported bands).",
        HelpName = "band",
    };

    private readonly Option<int?> _populationYear = new("--population-year")
    {
        Description = "The mid-year population to use (default: the latest at or before the period's end, else the earliest).",
        HelpName = "yyyy",
    };

    private readonly Option<bool> _includeAsb = Places.AnalysisOptions.IncludeAsb();

    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public CountsCommand(CliContext context)
        : base("counts", "Count recorded crime for an area or force by crime type or period, with rates per 1,000 and 95% confidence limits.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        CommonOptions.AcceptOneOf(_by, Groupings.Keys);
        Options.Add(_area);
        Options.Add(_by);
        Options.Add(_period);
        Options.Add(_types);
        Options.Add(_per);
        Options.Add(_ageBand);
        Options.Add(_populationYear);
        Options.Add(_includeAsb);
        Options.Add(_format);
        Options.Add(_out);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var by = Groupings[parseResult.GetValue(_by)!];
        var period = CommandInputs.Parse(parseResult.GetValue(_period), "--period", s => ReportingPeriod.Parse(s));
        var band = CommandInputs.Parse(parseResult.GetValue(_ageBand), "--age-band", s => AgeBand.Parse(s));
        var types = CommonOptions.CrimeTypesOf(parseResult, _types);
        var per = parseResult.GetValue(_per);
        if (!(per > 0))
        {
            throw new CliException(ExitCode.UsageError, "--per must be a positive number, e.g. 1000 or 100000.");
        }

        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var area = CommandInputs.ResolveArea(store, parseResult.GetValue(_area)!);

        // Anti-social behaviour is not a crime: out of every total unless asked for (by type it keeps its own row).
        var crimeOnly = types.Count == 0 && !parseResult.GetValue(_includeAsb) && by != CountGrouping.CrimeType;
        var query = new CountQuery(area)
        {
            FirstMonth = period?.FirstMonth,
            LastMonth = period?.LastMonth,
            By = by,
            CrimeTypes = types.Count > 0 ? types : crimeOnly ? [.. CrimeType.All.Where(t => t != CrimeType.AntiSocialBehaviour)] : null,
            Rate = new CountRateOptions(per, band, parseResult.GetValue(_populationYear)),
        };
        CountResult result;
        try
        {
            result = new CrimeCounts(store).Count(query);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(ExitCode.NoData, e.Message, e);
        }

        var table = Build(result, by, period, per);
        table.Notes.Insert(0, AsbChoice(new CrimeCounts(store), query, result, types.Count > 0, parseResult.GetValue(_includeAsb)));
        // Beside the figures: the data-quality flags on the months and forces they use (csp quality).
        table.Notes.AddRange(Quality.QualityCommand.NotesFor(Quality.QualityCommand.For(store, result.Forces.Forces, result.FirstMonth, result.LastMonth)));
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    /// <summary>The line saying whether anti-social behaviour is counted, printed first under every result.</summary>
    internal static string AsbChoice(CrimeCounts counts, CountQuery query, CountResult result, bool typesGiven, bool included)
    {
        if (typesGiven)
        {
            return query.CrimeTypes!.Contains(CrimeType.AntiSocialBehaviour)
                ? "Anti-social behaviour is counted because --type names it."
                : "Anti-social behaviour is not counted (only the --type crime types are).";
        }

        if (included)
        {
            return "Anti-social behaviour is included in these counts, as asked (--include-asb); it is not a crime.";
        }

        if (query.By == CountGrouping.CrimeType)
        {
            var asb = result.Rows.Where(r => r.CrimeType == CrimeType.AntiSocialBehaviour).Sum(r => r.Count);
            return $"Anti-social behaviour ({asb:N0} incidents) is shown as its own row: it is not a crime. Crimes without it: {result.Total - asb:N0}.";
        }

        var asbOnly = counts.Count(query with { CrimeTypes = [CrimeType.AntiSocialBehaviour], By = CountGrouping.Total, Rate = null });
        return $"Anti-social behaviour is not included: it is not a crime ({asbOnly.Total:N0} incidents in these months; add --include-asb to count it, or see `csp asb`).";
    }

    /// <summary>Lays the result out as a table, adding the 95% limits from the statistics engine.</summary>
    internal static ResultTable Build(CountResult result, CountGrouping by, ReportingPeriod? period, double per)
    {
        var perText = per.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
        var first = by == CountGrouping.CrimeType ? "Crime type" : by == CountGrouping.Total ? "Area" : "Period";
        var table = new ResultTable(
            new ResultColumn(first),
            new ResultColumn("Months with data"),
            new ResultColumn("Count", IsNumeric: true),
            new ResultColumn($"Rate per {perText}", IsNumeric: true, Format: "N2"),
            new ResultColumn("Lower 95% limit", IsNumeric: true, Format: "N2"),
            new ResultColumn("Upper 95% limit", IsNumeric: true, Format: "N2"));
        var rateOptions = RateOptions.Default with { Multiplier = per };
        var anyPartial = false;
        foreach (var row in result.Rows)
        {
            var label = by == CountGrouping.Total ? result.Area.Name : row.Label;
            if (row.MonthsCovered == 0 && row.Count == 0)
            {
                // Not imported is not zero: say nothing rather than a count of 0.
                table.Add(label, "no data", null, null, null, null);
                continue;
            }

            anyPartial |= row.IsPartial;
            var rate = (row.Population ?? result.Population) is { } pop && !row.IsPartial ? CrudeRate.Calculate(row.Count, pop.Value, rateOptions) : (RateResult?)null;
            table.Add(label, row.CoverageText, row.Count, rate?.Value, rate?.Lower95, rate?.Upper95);
        }

        var periodText = period?.ToString() ?? $"{result.FirstMonth} to {result.LastMonth}";
        table.Title = $"{result.Area.Name} ({result.Area.KindName}), {periodText}";
        table.Notes.Add($"Counted: {result.Area.BasisDescription}. Total {result.Total:N0}.");
        table.Notes.Add($"Data: {result.MonthCoverageText} of {periodText} (a month counts when every force responsible for the area has it); {result.Forces.Text} imported{(result.Forces.Forces.Count > 0 ? $" ({string.Join(", ", result.Forces.Forces)})" : string.Empty)}.");
        if (anyPartial || result.MonthsCovered.Count < result.MonthsRequested)
        {
            table.Notes.Add("Partial coverage: missing months are not imported (not zero). Counts for part of a period are shown with their months; " +
                            "rates are given only for complete periods, so that nothing partial is compared as if complete.");
        }

        if (result.NoLocation > 0)
        {
            table.Notes.Add($"{result.NoLocation:N0} of the records have no location (no LSOA or coordinates).");
        }

        if (result.Population is null)
        {
            table.Notes.Add($"No rate: {(result.PopulationNote ?? "no population is imported for this area").TrimEnd('.')}.");
            return table;
        }

        // Each period's rate is on the population of its own mid-year: one line per population a rate was given on.
        var populations = result.Rows.Where(r => !r.IsPartial && r.MonthsCovered > 0).Select(r => r.Population ?? result.Population).OfType<PopulationFigure>()
            .Distinct().OrderBy(p => p.Year).ToList();
        foreach (var p in populations)
        {
            table.Notes.Add(p.Description);
        }

        if (populations.Count > 0)
        {
            table.Notes.Add($"Rates per {PopulationYears.Rule}; 95% limits by Byar's method (exact Poisson below 10).");
        }
        if (result.CoverageStatement is { } coverage)
        {
            table.Notes.Add(coverage);
        }
        return table;
    }
}
