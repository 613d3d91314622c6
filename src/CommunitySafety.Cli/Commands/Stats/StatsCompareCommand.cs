using System.CommandLine;
using System.Globalization;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats compare</c>: adds the Fingertips comparison with a benchmark to each row of a CSV.</summary>
public sealed class StatsCompareCommand : CsvStatsCommand
{
    private readonly Option<string> _polarity = StatsOptions.Polarity();
    private readonly Option<string> _benchmark = new("--benchmark") { Description = "The benchmark: a column name, or a number used for every row.", Required = true, HelpName = "column|number" };
    private readonly Option<string> _value = new("--value") { Description = "Column of the area's value (as written by 'csp stats rates'); a row with no value is Not compared, whatever its interval.", DefaultValueFactory = _ => "value", HelpName = "column" };
    private readonly Option<string> _lower95 = new("--lower95") { Description = "Column of the lower 95% limit (as written by 'csp stats rates').", DefaultValueFactory = _ => "lower_95", HelpName = "column" };
    private readonly Option<string> _upper95 = new("--upper95") { Description = "Column of the upper 95% limit.", DefaultValueFactory = _ => "upper_95", HelpName = "column" };
    private readonly Option<string> _lower998 = new("--lower998") { Description = "Column of the lower 99.8% limit, for ci95-998.", DefaultValueFactory = _ => "lower_99.8", HelpName = "column" };
    private readonly Option<string> _upper998 = new("--upper998") { Description = "Column of the upper 99.8% limit, for ci95-998.", DefaultValueFactory = _ => "upper_99.8", HelpName = "column" };
    private readonly Option<string?> _benchmarkLower = new("--benchmark-lower95") { Description = "For overlap: the benchmark's lower 95% limit (column or number).", HelpName = "column|number" };
    private readonly Option<string?> _benchmarkUpper = new("--benchmark-upper95") { Description = "For overlap: the benchmark's upper 95% limit (column or number).", HelpName = "column|number" };

    private readonly Option<string> _method = new Option<string>("--method")
    {
        Description = "ci95: the benchmark against the 95% interval; ci95-998: adds Best / Worst at 99.8%; overlap: the two 95% intervals.",
        DefaultValueFactory = _ => "ci95",
        HelpName = "ci95|ci95-998|overlap",
    }.AcceptOnlyFromAmong("ci95", "ci95-998", "overlap");

    /// <summary>Creates the command.</summary>
    public StatsCompareCommand(CliContext context)
        : base("compare", "Add the comparison with a benchmark (Better / Similar / Worse, Best / Worst, or Lower / Higher; Not compared when data are missing) to every row of a CSV.", context)
    {
        Options.Add(InputOption);
        Options.Add(_benchmark);
        Options.Add(_polarity);
        Options.Add(_method);
        Options.Add(_value);
        Options.Add(_lower95);
        Options.Add(_upper95);
        Options.Add(_lower998);
        Options.Add(_upper998);
        Options.Add(_benchmarkLower);
        Options.Add(_benchmarkUpper);
        Options.Add(OutOption);
        Options.Add(FormatOption);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = ReadInput(parseResult);
        var polarity = StatsOptions.ParsePolarity(parseResult.GetValue(_polarity));
        var method = parseResult.GetValue(_method);
        var valueName = parseResult.GetValue(_value)!;
        var value = input.HasColumn(valueName)
            ? input.Column(valueName)
            : throw new CliException(ExitCode.InvalidInput, $"{input.Path}: no column '{valueName}' of values (a row with no value is not compared); name it with --value. The columns are: {string.Join(", ", input.Header)}.");
        var l95 = input.Column(parseResult.GetValue(_lower95)!);
        var u95 = input.Column(parseResult.GetValue(_upper95)!);
        Func<int, double?> benchmark = ColumnOrNumber(input, parseResult.GetValue(_benchmark)!, "--benchmark");
        Func<int, double?>? l998 = null, u998 = null, bl = null, bu = null;
        if (method == "ci95-998")
        {
            var lc = input.Column(parseResult.GetValue(_lower998)!);
            var uc = input.Column(parseResult.GetValue(_upper998)!);
            l998 = i => input.Number(i, lc);
            u998 = i => input.Number(i, uc);
        }
        else if (method == "overlap")
        {
            bl = ColumnOrNumber(input, parseResult.GetValue(_benchmarkLower) ?? throw Missing("--benchmark-lower95"), "--benchmark-lower95");
            bu = ColumnOrNumber(input, parseResult.GetValue(_benchmarkUpper) ?? throw Missing("--benchmark-upper95"), "--benchmark-upper95");
        }

        var table = input.Extend(new ResultColumn("comparison"));
        for (var i = 0; i < input.Rows.Count; i++)
        {
            if (input.Number(i, value) is not { } v || double.IsNaN(v))
            {
                table.Add(input.Cells(i, ComparisonOutcome.NotCompared.ToLabel()));
                continue;
            }

            var outcome = method switch
            {
                "ci95-998" => BenchmarkComparison.Compare95And998(benchmark(i), input.Number(i, l95), input.Number(i, u95), l998!(i), u998!(i), polarity),
                "overlap" => BenchmarkComparison.CompareOverlap(input.Number(i, l95), input.Number(i, u95), bl!(i), bu!(i), polarity),
                _ => BenchmarkComparison.Compare95(benchmark(i), input.Number(i, l95), input.Number(i, u95), polarity),
            };
            table.Add(input.Cells(i, outcome.ToLabel()));
        }

        Write(table, parseResult);
        return (int)ExitCode.Ok;
    }

    private static CliException Missing(string option) => new(ExitCode.UsageError, $"--method overlap needs {option}.");

    private static Func<int, double?> ColumnOrNumber(StatsInput input, string text, string option)
    {
        if (input.HasColumn(text))
        {
            var column = input.Column(text);
            return i => input.Number(i, column);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return _ => value;
        }

        throw new CliException(ExitCode.UsageError, $"{option}: '{text}' is neither a column of {input.Path} nor a number.");
    }
}
