using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats spc</c>: XmR chart of a series (Making Data Count), with each point's flags and the series' status.</summary>
public sealed class StatsSpcCommand : CsvStatsCommand
{
    private readonly Option<string> _value = new("--value") { Description = "The column of values, one row per period in time order.", Required = true, HelpName = "column" };
    private readonly Option<double?> _target = new("--target") { Description = "A target, for the assurance status.", HelpName = "n" };
    private readonly Option<int?> _baseline = new("--baseline") { Description = "Compute the limits from the first n points (of each segment) and keep them fixed.", HelpName = "n" };
    private readonly Option<int[]> _recalculate = new("--recalculate-at") { Description = "Row numbers (1 = first data row) at which the limits are recalculated.", AllowMultipleArgumentsPerToken = true, HelpName = "row" };

    private readonly Option<string> _improvement = new Option<string>("--improvement")
    {
        Description = "Which direction is improvement: up, down or none.",
        DefaultValueFactory = _ => "none",
        HelpName = "up|down|none",
    }.AcceptOnlyFromAmong("up", "down", "none");

    private readonly Option<string> _preset = new Option<string>("--preset")
    {
        Description = "mdc: NHS England Making Data Count (shift 6, trend 6, 13 points); nhsr: NHSRplotthedots (shift 7, trend 7, moving ranges screened).",
        DefaultValueFactory = _ => "mdc",
        HelpName = "mdc|nhsr",
    }.AcceptOnlyFromAmong("mdc", "nhsr");

    /// <summary>Creates the command.</summary>
    public StatsSpcCommand(CliContext context)
        : base("spc", "Add an XmR chart (mean, process limits at ±2.66 mR̄, each point's special-cause flags and variation) to a series, and report its variation and assurance status.", context)
    {
        Options.Add(InputOption);
        Options.Add(_value);
        Options.Add(_target);
        Options.Add(_improvement);
        Options.Add(_preset);
        Options.Add(_baseline);
        Options.Add(_recalculate);
        Options.Add(OutOption);
        Options.Add(FormatOption);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = ReadInput(parseResult);
        var column = input.Column(parseResult.GetValue(_value)!);
        var values = new double[input.Rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = input.Number(i, column)
                ?? throw new CliException(ExitCode.InvalidInput, $"{input.Path} line {i + 2}: a value is missing; an XmR chart needs one value per period.");
        }

        var improvement = StatsOptions.ParsePolarity(parseResult.GetValue(_improvement));
        var options = parseResult.GetValue(_preset) == "nhsr" ? SpcOptions.NhsrPlotTheDots : SpcOptions.MakingDataCount;
        var recalculate = (parseResult.GetValue(_recalculate) ?? []).Select(r => r - 1).ToArray();
        if (recalculate.Any(r => r < 0 || r >= values.Length))
        {
            throw new CliException(ExitCode.UsageError, $"--recalculate-at must be between 1 and {values.Length}.");
        }

        var baseline = parseResult.GetValue(_baseline);
        if (baseline is < 2)
        {
            throw new CliException(ExitCode.UsageError, "--baseline must be at least 2.");
        }

        var chart = XmrChart.Analyse(values, improvement, options, parseResult.GetValue(_target), recalculate, baseline);
        var table = input.Extend(
            new ResultColumn("mean", IsNumeric: true, Format: "N2"),
            new ResultColumn("lower_process_limit", IsNumeric: true, Format: "N2"),
            new ResultColumn("upper_process_limit", IsNumeric: true, Format: "N2"),
            new ResultColumn("moving_range", IsNumeric: true, Format: "N2"),
            new ResultColumn("special_cause"),
            new ResultColumn("variation"));
        foreach (var point in chart.Points)
        {
            table.Add(input.Cells(
                point.Index, point.Mean, point.LowerProcessLimit, point.UpperProcessLimit, point.MovingRange, Flags(point), Label(point.Variation)));
        }

        table.Notes.Add($"Variation: {Label(chart.Variation)}. Assurance: {Label(chart.Assurance)}.");
        if (chart.Variation == VariationStatus.InsufficientData)
        {
            table.Notes.Add($"Limits are shown from {options.MinimumPoints} points.");
        }

        Write(table, parseResult);
        return (int)ExitCode.Ok;
    }

    private static string? Flags(SpcPoint point)
    {
        static IEnumerable<string> Names(SpecialCauseRules rules) =>
            Enum.GetValues<SpecialCauseRules>().Where(r => r != SpecialCauseRules.None && rules.HasFlag(r)).Select(r => r switch
            {
                SpecialCauseRules.BeyondLimits => "beyond limits",
                SpecialCauseRules.Shift => "shift",
                SpecialCauseRules.Trend => "trend",
                _ => "two of three",
            });

        var parts = new List<string>();
        if (point.HighRules != SpecialCauseRules.None)
        {
            parts.Add("high: " + string.Join(", ", Names(point.HighRules)));
        }

        if (point.LowRules != SpecialCauseRules.None)
        {
            parts.Add("low: " + string.Join(", ", Names(point.LowRules)));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Label(VariationStatus status) => status switch
    {
        VariationStatus.CommonCause => "Common cause",
        VariationStatus.ImprovingHigh => "Special cause improving (high)",
        VariationStatus.ImprovingLow => "Special cause improving (low)",
        VariationStatus.ConcerningHigh => "Special cause concerning (high)",
        VariationStatus.ConcerningLow => "Special cause concerning (low)",
        VariationStatus.NeitherHigh => "Special cause (high)",
        VariationStatus.NeitherLow => "Special cause (low)",
        _ => "Not enough points for limits",
    };

    private static string Label(AssuranceStatus status) => status switch
    {
        AssuranceStatus.ConsistentlyMet => "Consistently meets the target",
        AssuranceStatus.ConsistentlyFailed => "Consistently fails the target",
        AssuranceStatus.HitAndMiss => "Hit and miss",
        _ => "Not applicable",
    };
}
