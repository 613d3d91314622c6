using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats proportions</c>: adds proportions with Wilson score limits to each row of a CSV.</summary>
public sealed class StatsProportionsCommand : CsvStatsCommand
{
    private readonly Option<string> _numerator = new("--numerator") { Description = "The column holding the number with the characteristic.", Required = true, HelpName = "column" };
    private readonly Option<string> _denominator = new("--denominator") { Description = "The column holding the number in the group.", Required = true, HelpName = "column" };
    private readonly Option<double> _per = new("--per") { Description = "100 for percentages, 1 for fractions.", DefaultValueFactory = _ => 100, HelpName = "n" };
    private readonly Option<string> _confidence = StatsOptions.Confidence();
    private readonly Option<string> _z = StatsOptions.Z();

    /// <summary>Creates the command.</summary>
    public StatsProportionsCommand(CliContext context)
        : base("proportions", "Add a proportion and its 95% / 99.8% Wilson score limits to every row of a CSV.", context)
    {
        Options.Add(InputOption);
        Options.Add(_numerator);
        Options.Add(_denominator);
        Options.Add(_per);
        Options.Add(_confidence);
        Options.Add(_z);
        Options.Add(OutOption);
        Options.Add(FormatOption);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = ReadInput(parseResult);
        var numeratorColumn = input.Column(parseResult.GetValue(_numerator)!);
        var denominatorColumn = input.Column(parseResult.GetValue(_denominator)!);
        var (with95, with998) = StatsOptions.ParseConfidence(parseResult.GetValue(_confidence));
        var multiplier = parseResult.GetValue(_per);
        var z = StatsOptions.ParseZQuantiles(parseResult.GetValue(_z), with95, with998);

        // Wilson's score limits are defined for any numerator and denominator (modelled or standardised ones too).
        var table = input.Extend([new ResultColumn("value", IsNumeric: true, Format: "N2"), .. StatsOptions.LimitColumns(with95, with998)]);
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var numerator = input.Amount(i, numeratorColumn);
            var denominator = input.Amount(i, denominatorColumn);
            if (numerator is null || denominator is null || !(denominator > 0))
            {
                table.Add(input.Cells(i, [null, .. StatsOptions.Limits(with95, with998, null, null, null, null)]));
                continue;
            }

            if (numerator > denominator)
            {
                throw new CliException(ExitCode.InvalidInput, $"{input.Path} line {i + 2}: the numerator ({numerator}) is larger than the denominator ({denominator}).");
            }

            var (l95, u95) = Proportion.WilsonLimits(numerator.Value, denominator.Value, z.Z95);
            var (l998, u998) = Proportion.WilsonLimits(numerator.Value, denominator.Value, z.Z998);
            table.Add(input.Cells(
                i,
                [numerator.Value / denominator.Value * multiplier, .. StatsOptions.Limits(with95, with998, l95 * multiplier, u95 * multiplier, l998 * multiplier, u998 * multiplier)]));
        }

        table.Notes.Add($"Proportions × {multiplier:G}; Wilson score limits, {StatsOptions.DescribeZ(z)}. Empty cells: not calculated.");
        Write(table, parseResult);
        return (int)ExitCode.Ok;
    }
}
