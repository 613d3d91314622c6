using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats rates</c>: adds crude rates with Byar's / exact Poisson limits to each row of a CSV.</summary>
public sealed class StatsRatesCommand : CsvStatsCommand
{
    private readonly Option<string> _count = new("--count") { Description = "The column holding the count of events.", Required = true, HelpName = "column" };
    private readonly Option<string> _denominator = new("--denominator") { Description = "The column holding the population.", Required = true, HelpName = "column" };
    private readonly Option<double> _per = new("--per") { Description = "Rates per this many.", DefaultValueFactory = _ => 100_000, HelpName = "n" };
    private readonly Option<string> _confidence = StatsOptions.Confidence();
    private readonly Option<string> _z = StatsOptions.Z();

    private readonly Option<string> _method = new Option<string>("--method")
    {
        Description = "auto (exact below 10 events, Byar's from 10, as PHEindicatormethods' phe_rate), byars or exact.",
        DefaultValueFactory = _ => "auto",
        HelpName = "auto|byars|exact",
    }.AcceptOnlyFromAmong("auto", "byars", "exact");

    /// <summary>Creates the command.</summary>
    public StatsRatesCommand(CliContext context)
        : base("rates", "Add a rate and its 95% / 99.8% confidence limits (Byar's or exact Poisson) to every row of a CSV.", context)
    {
        Options.Add(InputOption);
        Options.Add(_count);
        Options.Add(_denominator);
        Options.Add(_per);
        Options.Add(_confidence);
        Options.Add(_method);
        Options.Add(_z);
        Options.Add(OutOption);
        Options.Add(FormatOption);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = ReadInput(parseResult);
        var countColumn = input.Column(parseResult.GetValue(_count)!);
        var denominatorColumn = input.Column(parseResult.GetValue(_denominator)!);
        var (with95, with998) = StatsOptions.ParseConfidence(parseResult.GetValue(_confidence));
        var zText = parseResult.GetValue(_z);
        var z = StatsOptions.ParseZQuantiles(zText, with95, with998);
        var options = RateOptions.Default with
        {
            Multiplier = parseResult.GetValue(_per),
            Method = parseResult.GetValue(_method) switch { "byars" => PoissonMethod.Byars, "exact" => PoissonMethod.Exact, _ => PoissonMethod.Auto },
            ZConvention = StatsOptions.ParseZ(zText),
        };
        if (!(options.Multiplier > 0))
        {
            throw new CliException(ExitCode.UsageError, "--per must be greater than 0.");
        }

        // A named convention goes through CrudeRate (its exact limits are cached and match published tables to the digit);
        // z given as numbers, or a count that is not whole, through the limits' formulas with that z.
        var named = zText is null or "exact" or "1.96";
        var table = input.Extend([new ResultColumn("value", IsNumeric: true, Format: "N2"), .. StatsOptions.LimitColumns(with95, with998), new ResultColumn("method")]);
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var count = input.Amount(i, countColumn);
            var denominator = input.Amount(i, denominatorColumn);
            if (count is null || denominator is null || !(denominator > 0))
            {
                table.Add(input.Cells(i, [null, .. StatsOptions.Limits(with95, with998, null, null, null, null), null]));
                continue;
            }

            var whole = count.Value == Math.Floor(count.Value) && count.Value <= long.MaxValue;
            var used = PoissonLimits.Resolve(count.Value, options.Method);
            if (!whole && used == PoissonMethod.Exact)
            {
                throw new CliException(
                    ExitCode.InvalidInput,
                    $"{input.Path} line {i + 2}, column '{input.Header[countColumn]}': '{input.Rows[i][countColumn]}' is not a whole number of events, and exact Poisson limits are defined only for whole counts"
                    + (options.Method == PoissonMethod.Auto ? " (used below 10 events)" : string.Empty) + "; use --method byars for modelled or standardised counts.");
            }

            double l95, u95, l998, u998;
            if (whole && named)
            {
                var r = CrudeRate.Calculate((long)count.Value, denominator.Value, options);
                (l95, u95, l998, u998) = (r.Lower95!.Value, r.Upper95!.Value, r.Lower998!.Value, r.Upper998!.Value);
            }
            else
            {
                var scale = options.Multiplier / denominator.Value;
                (l95, u95, l998, u998) = used == PoissonMethod.Byars
                    ? (PoissonLimits.ByarsLower(count.Value, z.Z95) * scale, PoissonLimits.ByarsUpper(count.Value, z.Z95) * scale,
                        PoissonLimits.ByarsLower(count.Value, z.Z998) * scale, PoissonLimits.ByarsUpper(count.Value, z.Z998) * scale)
                    : (PoissonLimits.ExactLower(count.Value, z.Coverage95) * scale, PoissonLimits.ExactUpper(count.Value, z.Coverage95) * scale,
                        PoissonLimits.ExactLower(count.Value, z.Coverage998) * scale, PoissonLimits.ExactUpper(count.Value, z.Coverage998) * scale);
            }

            var value = count.Value / denominator.Value * options.Multiplier;
            table.Add(input.Cells(i, [value, .. StatsOptions.Limits(with95, with998, l95, u95, l998, u998), used == PoissonMethod.Byars ? "byars" : "exact"]));
        }

        table.Notes.Add($"Rates per {options.Multiplier:N0}; limits by {(options.Method == PoissonMethod.Auto ? "the exact method below 10 events and Byar's method from 10" : parseResult.GetValue(_method) + " method")}, {StatsOptions.DescribeZ(z)}. Empty cells: not calculated.");
        Write(table, parseResult);
        return (int)ExitCode.Ok;
    }
}
