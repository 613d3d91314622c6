using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats change</c>: adds the change between two periods, its p-value and the rate ratio's interval.</summary>
public sealed class StatsChangeCommand : CsvStatsCommand
{
    private readonly Option<string> _polarity = StatsOptions.Polarity();
    private readonly Option<string> _earlier = new("--earlier") { Description = "Column of the earlier (baseline) count, or numerator for proportions.", Required = true, HelpName = "column" };
    private readonly Option<string> _later = new("--later") { Description = "Column of the later count, or numerator.", Required = true, HelpName = "column" };
    private readonly Option<string?> _earlierDenominator = new("--earlier-denominator") { Description = "Column of the earlier population (rates) or denominator (proportions). Omit to compare counts.", HelpName = "column" };
    private readonly Option<string?> _laterDenominator = new("--later-denominator") { Description = "Column of the later population or denominator.", HelpName = "column" };
    private readonly Option<double?> _per = new("--per") { Description = "Rates per this many (default: 100000; 100 for proportions).", HelpName = "n" };

    private readonly Option<string> _type = StatsOptions.Type("rates (counts or rates: exact conditional binomial test) or proportions (two-sample z test).");

    /// <summary>Creates the command.</summary>
    public StatsChangeCommand(CliContext context)
        : base("change", "Add the change between two periods to every row of a CSV: absolute and % change, p-value, rate ratio with its 95% interval, and whether it is significant.", context)
    {
        Options.Add(InputOption);
        Options.Add(_earlier);
        Options.Add(_later);
        Options.Add(_earlierDenominator);
        Options.Add(_laterDenominator);
        Options.Add(_type);
        Options.Add(_per);
        Options.Add(_polarity);
        Options.Add(OutOption);
        Options.Add(FormatOption);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = ReadInput(parseResult);
        var polarity = StatsOptions.ParsePolarity(parseResult.GetValue(_polarity));
        var earlier = input.Column(parseResult.GetValue(_earlier)!);
        var later = input.Column(parseResult.GetValue(_later)!);
        var earlierDenominatorName = parseResult.GetValue(_earlierDenominator);
        var laterDenominatorName = parseResult.GetValue(_laterDenominator);
        if ((earlierDenominatorName is null) != (laterDenominatorName is null))
        {
            throw new CliException(ExitCode.UsageError, "Give both --earlier-denominator and --later-denominator, or neither.");
        }

        int? earlierDenominator = earlierDenominatorName is null ? null : input.Column(earlierDenominatorName);
        int? laterDenominator = laterDenominatorName is null ? null : input.Column(laterDenominatorName!);
        return parseResult.GetValue(_type) == "proportions"
            ? Proportions(parseResult, input, earlier, later, earlierDenominator, laterDenominator, polarity)
            : Rates(parseResult, input, earlier, later, earlierDenominator, laterDenominator, polarity);
    }

    private int Rates(ParseResult parseResult, StatsInput input, int earlier, int later, int? earlierDenominator, int? laterDenominator, Polarity polarity)
    {
        var multiplier = parseResult.GetValue(_per) ?? 100_000;
        var table = input.Extend(
            new ResultColumn("change", IsNumeric: true),
            new ResultColumn("percent_change", IsNumeric: true, Format: "N1"),
            new ResultColumn("rate_ratio", IsNumeric: true, Format: "N3"),
            new ResultColumn("ratio_lower_95", IsNumeric: true, Format: "N3"),
            new ResultColumn("ratio_upper_95", IsNumeric: true, Format: "N3"),
            new ResultColumn("p_value", IsNumeric: true, Format: "G3"),
            new ResultColumn("significance"),
            new ResultColumn("description"));
        for (var i = 0; i < input.Rows.Count; i++)
        {
            const string why = "the exact conditional test of two Poisson counts is defined only for whole counts";
            var e = input.Count(i, earlier, why);
            var l = input.Count(i, later, why);
            var ed = earlierDenominator is { } edc ? input.Amount(i, edc) : 1;
            var ld = laterDenominator is { } ldc ? input.Amount(i, ldc) : 1;
            if (e is null || l is null || !(ed > 0) || !(ld > 0))
            {
                table.Add(input.Cells(i, null, null, null, null, null, null, ComparisonOutcome.NotCompared.ToLabel(), null));
                continue;
            }

            var change = earlierDenominator is null
                ? PeriodChange.ForCounts(e.Value, l.Value, polarity)
                : PeriodChange.ForRates(e.Value, ed!.Value, l.Value, ld!.Value, polarity, multiplier);
            table.Add(input.Cells(
                i,
                earlierDenominator is null ? change.CountChange : change.RateDifference,
                change.PercentChange,
                change.RateRatio,
                change.RateRatioLower95,
                change.RateRatioUpper95,
                change.PValue,
                change.Outcome.ToLabel(),
                change.Describe()));
        }

        table.Notes.Add("Change: later − earlier" + (earlierDenominator is null ? " (counts)" : $" (rates per {multiplier:N0}; change, percent_change and the description are of the rates)") +
            "; exact conditional binomial test, significant when p < 0.05.");
        Write(table, parseResult);
        return (int)ExitCode.Ok;
    }

    private int Proportions(ParseResult parseResult, StatsInput input, int earlier, int later, int? earlierDenominator, int? laterDenominator, Polarity polarity)
    {
        if (earlierDenominator is null || laterDenominator is null)
        {
            throw new CliException(ExitCode.UsageError, "--type proportions needs --earlier-denominator and --later-denominator.");
        }

        var multiplier = parseResult.GetValue(_per) ?? 100;
        var table = input.Extend(
            new ResultColumn("change", IsNumeric: true, Format: "N2"),
            new ResultColumn("change_lower_95", IsNumeric: true, Format: "N2"),
            new ResultColumn("change_upper_95", IsNumeric: true, Format: "N2"),
            new ResultColumn("percent_change", IsNumeric: true, Format: "N1"),
            new ResultColumn("p_value", IsNumeric: true, Format: "G3"),
            new ResultColumn("significance"));
        for (var i = 0; i < input.Rows.Count; i++)
        {
            const string why = "the two-sample test of proportions counts people";
            var r1 = input.Count(i, earlier, why);
            var r2 = input.Count(i, later, why);
            var n1 = input.Count(i, earlierDenominator.Value, why);
            var n2 = input.Count(i, laterDenominator.Value, why);
            if (r1 is null || r2 is null || !(n1 > 0) || !(n2 > 0) || r1 > n1 || r2 > n2)
            {
                table.Add(input.Cells(i, null, null, null, null, null, ComparisonOutcome.NotCompared.ToLabel()));
                continue;
            }

            var change = PeriodChange.ForProportions(r1.Value, n1!.Value, r2.Value, n2!.Value, polarity, multiplier);
            table.Add(input.Cells(i, change.Difference, change.DifferenceLower95, change.DifferenceUpper95, change.PercentChange, change.PValue, change.Outcome.ToLabel()));
        }

        var unit = multiplier == 100 ? "percentage points" : $"proportions × {multiplier:G}";
        table.Notes.Add($"Change: later − earlier, in {unit}; percent_change is relative to the earlier proportion; Newcombe's interval for the difference; pooled two-sample z test, significant when p < 0.05.");
        Write(table, parseResult);
        return (int)ExitCode.Ok;
    }
}
