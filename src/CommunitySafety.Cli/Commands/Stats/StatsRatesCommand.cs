using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats rates</c>: adds crude rates with Byar's / exact Poisson limits to each row of a CSV.</summary>
public sealed class StatsRatesCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<string> _in = StatsOptions.In();
    private readonly Option<string?> _out = CommonOptions.Out();
    private readonly Option<OutputFormat> _format = StatsOptions.Format();
    private readonly Option<string> _count = new("--count") { Description = "The column holding the count of events.", Required = true, HelpName = "column" };
    private readonly Option<string> _denominator = new("--denominator") { Description = "The column holding the population.", Required = true, HelpName = "column" };
    private readonly Option<double> _per = new("--per") { Description = "Rates per this many (default 100000).", DefaultValueFactory = _ => 100_000, HelpName = "n" };
    private readonly Option<string> _confidence = StatsOptions.Confidence();
    private readonly Option<string> _z = StatsOptions.Z();

    private readonly Option<string> _method = new Option<string>("--method")
    {
        Description = "auto (exact below 10 events, Byar's from 10, as PHEindicatormethods' phe_rate; default), byars or exact.",
        DefaultValueFactory = _ => "auto",
        HelpName = "auto|byars|exact",
    }.AcceptOnlyFromAmong("auto", "byars", "exact");

    /// <summary>Creates the command.</summary>
    public StatsRatesCommand(CliContext context)
        : base("rates", "Add a rate and its 95% / 99.8% confidence limits (Byar's or exact Poisson) to every row of a CSV.")
    {
        _context = context;
        Options.Add(_in);
        Options.Add(_count);
        Options.Add(_denominator);
        Options.Add(_per);
        Options.Add(_confidence);
        Options.Add(_method);
        Options.Add(_z);
        Options.Add(_out);
        Options.Add(_format);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = StatsInput.Read(_context, parseResult.GetValue(_in)!);
        var countColumn = input.Column(parseResult.GetValue(_count)!);
        var denominatorColumn = input.Column(parseResult.GetValue(_denominator)!);
        var (with95, with998) = StatsOptions.ParseConfidence(parseResult.GetValue(_confidence));
        var options = RateOptions.Default with
        {
            Multiplier = parseResult.GetValue(_per),
            Method = parseResult.GetValue(_method) switch { "byars" => PoissonMethod.Byars, "exact" => PoissonMethod.Exact, _ => PoissonMethod.Auto },
            ZConvention = StatsOptions.ParseZ(parseResult.GetValue(_z)),
        };
        if (!(options.Multiplier > 0))
        {
            throw new CliException(ExitCode.UsageError, "--per must be greater than 0.");
        }

        var table = input.Extend([new ResultColumn("value", IsNumeric: true, Format: "N2"), .. StatsOptions.LimitColumns(with95, with998), new ResultColumn("method")]);
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var count = input.Count(i, countColumn);
            var denominator = input.Number(i, denominatorColumn);
            if (count is null || denominator is null || denominator < 0)
            {
                table.Add(input.Cells(i, [null, .. StatsOptions.Limits(with95, with998, null, null, null, null), null]));
                continue;
            }

            var r = CrudeRate.Calculate(count.Value, denominator.Value, options);
            var method = r.Value is null ? null : r.MethodUsed == PoissonMethod.Byars ? "byars" : "exact";
            table.Add(input.Cells(i, [r.Value, .. StatsOptions.Limits(with95, with998, r.Lower95, r.Upper95, r.Lower998, r.Upper998), method]));
        }

        table.Notes.Add($"Rates per {options.Multiplier:N0}; limits by {(options.Method == PoissonMethod.Auto ? "the exact method below 10 events and Byar's method from 10" : parseResult.GetValue(_method) + " method")}, z {(options.ZConvention == ZConvention.Rounded ? "1.96" : "exact")}. Empty cells: not calculated.");
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }
}
