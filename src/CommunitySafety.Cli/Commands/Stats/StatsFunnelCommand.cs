using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats funnel</c>: adds funnel-plot limits at each row's denominator and the row's position.</summary>
public sealed class StatsFunnelCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<string> _in = StatsOptions.In();
    private readonly Option<string?> _out = CommonOptions.Out();
    private readonly Option<OutputFormat> _format = StatsOptions.Format();
    private readonly Option<string> _count = new("--count") { Description = "The column of counts (rates) or numerators (proportions).", Required = true, HelpName = "column" };
    private readonly Option<string> _denominator = new("--denominator") { Description = "The column of populations or denominators.", Required = true, HelpName = "column" };
    private readonly Option<double?> _target = new("--target") { Description = "The target: a rate per --per, or a proportion × --per. Default: the overall value of the file (Σ count / Σ denominator).", HelpName = "n" };
    private readonly Option<double?> _per = new("--per") { Description = "Per this many (default 100000 for rates, 100 for proportions).", HelpName = "n" };

    private readonly Option<string> _type = new Option<string>("--type")
    {
        Description = "rates (exact Poisson limits; default) or proportions (exact binomial limits).",
        DefaultValueFactory = _ => "rates",
        HelpName = "rates|proportions",
    }.AcceptOnlyFromAmong("rates", "proportions");

    /// <summary>Creates the command.</summary>
    public StatsFunnelCommand(CliContext context)
        : base("funnel", "Add funnel-plot control limits (95% and 99.8%, Spiegelhalter 2005) at each row's denominator and the row's position, e.g. 'High (99.8%)'.")
    {
        _context = context;
        Options.Add(_in);
        Options.Add(_count);
        Options.Add(_denominator);
        Options.Add(_type);
        Options.Add(_target);
        Options.Add(_per);
        Options.Add(_out);
        Options.Add(_format);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = StatsInput.Read(_context, parseResult.GetValue(_in)!);
        var proportions = parseResult.GetValue(_type) == "proportions";
        var multiplier = parseResult.GetValue(_per) ?? (proportions ? 100 : 100_000);
        var countColumn = input.Column(parseResult.GetValue(_count)!);
        var denominatorColumn = input.Column(parseResult.GetValue(_denominator)!);

        var target = parseResult.GetValue(_target);
        if (target is null)
        {
            double events = 0, people = 0;
            for (var i = 0; i < input.Rows.Count; i++)
            {
                if (input.Count(i, countColumn) is { } c && input.Number(i, denominatorColumn) is { } d && d > 0)
                {
                    events += c;
                    people += d;
                }
            }

            target = people > 0 ? events / people * multiplier : throw new CliException(ExitCode.InvalidInput, $"{input.Path}: no row has a count and a denominator.");
        }

        if (target < 0 || (proportions && target > multiplier))
        {
            throw new CliException(ExitCode.UsageError, $"--target {target} is out of range.");
        }

        var table = input.Extend(
        [
            new ResultColumn("value", IsNumeric: true, Format: "N2"),
            new ResultColumn("target", IsNumeric: true, Format: "N2"),
            .. StatsOptions.LimitColumns(with95: true, with998: true),
            new ResultColumn("position"),
        ]);
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var count = input.Count(i, countColumn);
            var denominator = input.Number(i, denominatorColumn);
            if (count is null || !(denominator > 0))
            {
                table.Add(input.Cells(i, null, target, null, null, null, null, FunnelPosition.NotCompared.ToLabel()));
                continue;
            }

            FunnelLimits limits;
            if (proportions)
            {
                var n = (long)denominator.Value;
                if (n != denominator.Value || count > n)
                {
                    throw new CliException(ExitCode.InvalidInput, $"{input.Path} line {i + 2}: a proportion needs a whole denominator no smaller than the numerator.");
                }

                limits = FunnelPlot.ProportionLimits(target.Value / multiplier, n, multiplier);
            }
            else
            {
                limits = FunnelPlot.RateLimits(target.Value, denominator.Value, multiplier);
            }

            var value = count.Value / denominator.Value * multiplier;
            table.Add(input.Cells(i, value, target, limits.Lower95, limits.Upper95, limits.Lower998, limits.Upper998, FunnelPlot.Position(value, limits).ToLabel()));
        }

        table.Notes.Add($"Funnel limits around {target:G6} per {multiplier:N0} ({(proportions ? "exact binomial" : "exact Poisson")}).");
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }
}
