using System.CommandLine;
using System.Globalization;
using CommunitySafety.Assessment.Outcomes;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Crime;

namespace CommunitySafety.Cli.Commands.Outcomes;

/// <summary>
/// <c>csp outcomes</c>: the share of crimes reaching each outcome group for an area and year, with Wilson 95% limits, the
/// change on the same months last year (like with like), outcome maturity by month, and peers.
/// </summary>
public sealed class OutcomesCommand : Command
{
    private static readonly string[] Views = ["summary", "maturity", "timing", "peers"];
    private readonly CliContext _context;

    private readonly Option<string> _area = new("--area")
    {
        Description = "A local authority, CSP or police force area by name or ONS code (Luton, E06000032), or a force ('Bedfordshire Police').",
        Required = true,
        HelpName = "name or code",
    };

    private readonly Option<string> _year = new("--year")
    {
        Description = "The financial year, e.g. 2024/25.",
        Required = true,
        HelpName = "yyyy/yy",
    };

    private readonly Option<string[]> _types = CommonOptions.CrimeTypes();

    private readonly Option<string> _view = new("--view")
    {
        Description = "summary (shares by outcome group and the change on last year), maturity (share still open by month recorded), timing (share with a first outcome within 0, 1, 2 … months, from the outcomes files) or peers.",
        DefaultValueFactory = _ => "summary",
        HelpName = "summary|maturity|timing|peers",
    };

    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public OutcomesCommand(CliContext context)
        : base("outcomes", "Crime outcomes for an area and year: the share charged, cautioned, with no suspect, unable to prosecute or still open, with 95% limits, the change on last year like with like, maturity and peers.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        CommonOptions.AcceptOneOf(_view, Views);
        Options.Add(_area);
        Options.Add(_year);
        Options.Add(_types);
        Options.Add(_view);
        Options.Add(_format);
        Options.Add(_out);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var year = CommandInputs.FinancialYearOf(parseResult.GetValue(_year), "2024/25");

        var types = CommonOptions.CrimeTypesOf(parseResult, _types, c => c.Id != CrimeType.AntiSocialBehaviour.Id, "a police.uk crime type with outcomes");
        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var area = CommandInputs.ResolveArea(store, parseResult.GetValue(_area)!);

        var view = parseResult.GetValue(_view)!.ToLowerInvariant();
        var result = new OutcomeAnalysis(store).For(new OutcomeRequest { Area = area, Year = year, CrimeTypes = types, Peers = view == "peers" });
        if (result.Current is null && view is not ("maturity" or "timing"))
        {
            throw new CliException(ExitCode.NoData, result.NotAvailable ?? "No data.");
        }

        var table = view switch
        {
            "maturity" => Maturity(result),
            "timing" => Timing(result),
            "peers" => Peers(result),
            _ => Summary(result),
        };
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    /// <summary>Shares by group with 95% limits and the change on the same months last year.</summary>
    internal static ResultTable Summary(OutcomeResult result)
    {
        var c = result.Current!;
        var table = new ResultTable(
            new ResultColumn("Outcome group"),
            new ResultColumn("Period"),
            new ResultColumn("Crimes", IsNumeric: true),
            new ResultColumn("Share %", IsNumeric: true, Format: "N1"),
            new ResultColumn("Lower 95% limit", IsNumeric: true, Format: "N1"),
            new ResultColumn("Upper 95% limit", IsNumeric: true, Format: "N1"),
            new ResultColumn("Compared months this year %", IsNumeric: true, Format: "N1"),
            new ResultColumn("Same months last year %", IsNumeric: true, Format: "N1"),
            new ResultColumn("Change (points)", IsNumeric: true, Format: "N1"),
            new ResultColumn("p-value", IsNumeric: true, Format: "N3"),
            new ResultColumn("Change"),
            new ResultColumn("police.uk categories"),
            new ResultColumn("Source"));
        var period = $"{result.Year} ({c.Months.Count} of 12 months)";
        var source = $"police.uk street-level crime, last outcome as published {result.OutcomesAsOf?.ToDisplayString()}; {result.Area.Name} ({result.Area.KindName})";
        foreach (var share in c.Shares)
        {
            var change = result.Comparison?.Changes.Single(x => x.Group == share.Group);
            table.Add(share.Group.Name, period, share.Share.Numerator, share.Share.Value, share.Share.Lower95, share.Share.Upper95,
                change?.Change.LaterValue, change?.Change.EarlierValue, change?.Change.Difference, change?.Change.PValue,
                change is null ? "not compared" : change.IsSignificant ? (change.Change.Difference > 0 ? "higher" : "lower") : "no significant change",
                string.Join("; ", share.Categories.Select(x => $"{x.Category} {x.Count.ToString("N0", CultureInfo.InvariantCulture)}")), source);
        }

        table.Add("All crimes", period, c.Crimes, 100.0, null, null, null, null, null, null, null, null, source);
        table.Title = $"Crime outcomes, {result.Area.Name} ({result.Area.KindName}), {result.Year}: {result.CrimeTypesText}";
        table.Notes.AddRange(result.Summary);
        table.Notes.AddRange(result.Provenance);
        table.Notes.Add(result.Comparison?.Basis ?? result.ComparisonNote ?? string.Empty);
        table.Notes.Add("Shares are of all crimes recorded in the months; 95% limits by Wilson's score method; change by the two-proportion z test (p < 0.05 counts as a real change).");
        if (result.UnknownCategories.Count > 0)
        {
            table.Notes.Add("Categories not in the grouping table (counted as Other or unrecognised): " + string.Join("; ", result.UnknownCategories.Select(u => $"{u.Category} ({u.Count:N0})")) + ".");
        }

        table.Notes.RemoveAll(n => n.Length == 0);
        return table;
    }

    /// <summary>Share still open and share charged by month recorded.</summary>
    internal static ResultTable Maturity(OutcomeResult result)
    {
        var table = new ResultTable(
            new ResultColumn("Month recorded"),
            new ResultColumn("Age (months)", IsNumeric: true),
            new ResultColumn("Crimes", IsNumeric: true),
            new ResultColumn("Still under investigation %", IsNumeric: true, Format: "N1"),
            new ResultColumn("Lower 95% limit", IsNumeric: true, Format: "N1"),
            new ResultColumn("Upper 95% limit", IsNumeric: true, Format: "N1"),
            new ResultColumn("Charged or summonsed %", IsNumeric: true, Format: "N1"),
            new ResultColumn("Mature"));
        foreach (var row in result.Maturity)
        {
            table.Add(row.Month.ToString(), row.AgeMonths, row.Crimes, row.Open.Value, row.Open.Lower95, row.Open.Upper95, row.Charged.Value,
                result.MatureAgeMonths is { } age && row.AgeMonths >= age ? "yes" : "not yet");
        }

        table.Title = $"Outcome maturity, {result.Area.Name}: the share of each month's crimes still under investigation; {result.CrimeTypesText}";
        table.Notes.Add(result.OutcomesAsOf is { } asOf
            ? $"Age: months between the month a crime was recorded and {asOf.ToDisplayString()}, the month its outcome was taken from. Recent crimes have had less time to reach an outcome, so their shares are not comparable with older months'."
            : "No street-level records are imported.");
        table.Notes.Add(result.MatureAgeMonths is { } m
            ? $"Mature: {m} months or older, from which every month has fewer than {OutcomeAnalysis.MatureOpenPercent:0} in 100 crimes still under investigation. Comparisons between years use only mature months."
            : $"No month is mature yet (every month has {OutcomeAnalysis.MatureOpenPercent:0}% or more still under investigation).");
        table.Notes.AddRange(result.Provenance);
        return table;
    }

    /// <summary>The share of each month's crimes with a first outcome within 0, 1, 2 … months (outcomes files).</summary>
    internal static ResultTable Timing(OutcomeResult result)
    {
        var ages = result.Timing.Count == 0 ? 0 : result.Timing.Max(t => t.WithOutcomeByAge.Count);
        var columns = new List<ResultColumn> { new("Month recorded"), new("Crimes", IsNumeric: true) };
        columns.AddRange(Enumerable.Range(0, ages).Select(k => new ResultColumn($"Outcome within {k} month{(k == 1 ? string.Empty : "s")} %", IsNumeric: true, Format: "N1")));
        var table = new ResultTable([.. columns]);
        foreach (var row in result.Timing)
        {
            var cells = new List<object?> { row.Month.ToString(), row.Crimes };
            cells.AddRange(Enumerable.Range(0, ages).Select(k => k < row.WithOutcomeByAge.Count ? row.WithOutcomeByAge[k].Value : (object?)null));
            table.Add([.. cells]);
        }

        table.Title = $"Time to a first outcome, {result.Area.Name}: {result.CrimeTypesText}";
        table.Notes.Add(result.TimingNote);
        table.Notes.Add("Empty cells: the outcomes files imported end before that age, so it cannot be measured yet (not zero).");
        table.Notes.AddRange(result.Provenance.Take(1));
        return table;
    }

    /// <summary>The area and its peers over the same months.</summary>
    internal static ResultTable Peers(OutcomeResult result)
    {
        var table = new ResultTable(
            new ResultColumn("Area"),
            new ResultColumn("Code"),
            new ResultColumn("Months"),
            new ResultColumn("Crimes", IsNumeric: true),
            new ResultColumn("Charged or summonsed %", IsNumeric: true, Format: "N1"),
            new ResultColumn("Lower 95% limit", IsNumeric: true, Format: "N1"),
            new ResultColumn("Upper 95% limit", IsNumeric: true, Format: "N1"),
            new ResultColumn("Caution or community resolution %", IsNumeric: true, Format: "N1"),
            new ResultColumn("No suspect identified %", IsNumeric: true, Format: "N1"),
            new ResultColumn("Not available because"));
        var own = result.Comparison?.Later ?? result.Current!;
        void Add(string name, string code, OutcomeShares? s, string? why)
        {
            var charged = s?.Of(OutcomeGroups.Charged).Share;
            table.Add(name, code, s is null ? null : OutcomeAnalysis.MonthRange(s.Months), s?.Crimes, charged?.Value, charged?.Lower95, charged?.Upper95,
                s?.Of(OutcomeGroups.OutOfCourt).Share.Value, s?.Of(OutcomeGroups.NoSuspect).Share.Value, why);
        }

        Add(result.Area.Name, result.Area.Code?.Value ?? string.Empty, own, null);
        foreach (var p in result.Peers)
        {
            Add(p.Name, p.Code.Value, p.Shares, p.NotAvailable);
        }

        table.Title = $"Crime outcomes, {result.Area.Name} and its peers, {OutcomeAnalysis.MonthRange(own.Months)}: {result.CrimeTypesText}";
        table.Notes.Add(result.PeerNote);
        table.Notes.AddRange(result.Provenance);
        return table;
    }
}
