using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats trend</c>: adds the Fingertips recent trend marker of each series (rows grouped by a key column).</summary>
public sealed class StatsTrendCommand : CsvStatsCommand
{
    private readonly Option<string> _polarity = StatsOptions.Polarity();
    private readonly Option<string?> _key = new("--key") { Description = "The column that names each series (e.g. area code); the whole file is one series when omitted. Rows of a series must be in time order, one per consecutive period.", HelpName = "column" };
    private readonly Option<string> _period = new("--period") { Description = "The column of periods, e.g. 2023/24; a period given twice in one series is refused.", DefaultValueFactory = _ => "period", HelpName = "column" };
    private readonly Option<string> _value = new("--value") { Description = "Rates: the column of values.", DefaultValueFactory = _ => "value", HelpName = "column" };
    private readonly Option<string> _lower95 = new("--lower95") { Description = "Rates: the column of lower 95% limits.", DefaultValueFactory = _ => "lower_95", HelpName = "column" };
    private readonly Option<string> _upper95 = new("--upper95") { Description = "Rates: the column of upper 95% limits.", DefaultValueFactory = _ => "upper_95", HelpName = "column" };
    private readonly Option<string> _numerator = new("--numerator") { Description = "Proportions: the numerator column.", DefaultValueFactory = _ => "numerator", HelpName = "column" };
    private readonly Option<string> _denominator = new("--denominator") { Description = "Proportions: the denominator column.", DefaultValueFactory = _ => "denominator", HelpName = "column" };
    private readonly Option<string> _z = StatsOptions.Z();

    private readonly Option<string> _type = StatsOptions.Type("rates (weighted least squares on the values and their 95% limits) or proportions (chi-squared test for trend).");

    /// <summary>Creates the command.</summary>
    public StatsTrendCommand(CliContext context)
        : base("trend", "Add the recent trend marker (Fingertips method: the 5 most recent points, significant at 99.8%) of each series to its rows.", context)
    {
        Options.Add(InputOption);
        Options.Add(_key);
        Options.Add(_period);
        Options.Add(_type);
        Options.Add(_value);
        Options.Add(_lower95);
        Options.Add(_upper95);
        Options.Add(_numerator);
        Options.Add(_denominator);
        Options.Add(_polarity);
        Options.Add(_z);
        Options.Add(OutOption);
        Options.Add(FormatOption);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = ReadInput(parseResult);
        var polarity = StatsOptions.ParsePolarity(parseResult.GetValue(_polarity));
        var keyName = parseResult.GetValue(_key);
        int? key = keyName is null ? null : input.Column(keyName);
        var proportions = parseResult.GetValue(_type) == "proportions";
        var periodName = parseResult.GetValue(_period)!;
        var period = input.HasColumn(periodName)
            ? input.Column(periodName)
            : throw new CliException(
                ExitCode.InvalidInput,
                $"{input.Path}: no column '{periodName}' of periods; name it with --period (one row per period in each series, in time order). The columns are: {string.Join(", ", input.Header)}.");
        var z95 = StatsOptions.ParseZQuantiles(parseResult.GetValue(_z), with95: true, with998: false).Z95;

        // Series in order of first appearance, rows kept in file order within each.
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var firstLineOf = new Dictionary<(string Series, string Period), int>();
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var name = key is { } k ? input.Rows[i][k] : string.Empty;
            if (!groups.TryGetValue(name, out var rows))
            {
                groups[name] = rows = [];
            }

            var when = input.Rows[i][period].Trim();
            if (when.Length == 0)
            {
                throw new CliException(ExitCode.InvalidInput, $"{input.Path} line {i + 2}, column '{periodName}': the period is empty.");
            }

            if (!firstLineOf.TryAdd((name, when), i))
            {
                var earlier = firstLineOf[(name, when)];
                var series = key is null ? "the series" : $"series '{name}'";
                throw new CliException(
                    ExitCode.InvalidInput,
                    $"{input.Path} line {i + 2}, column '{periodName}': period '{when}' is already on line {earlier + 2} for {series}; each period must appear once per series.");
            }

            rows.Add(i);
        }

        var results = new TrendResult[input.Rows.Count];
        foreach (var rows in groups.Values)
        {
            TrendResult trend;
            if (proportions)
            {
                var n = input.Column(parseResult.GetValue(_numerator)!);
                var d = input.Column(parseResult.GetValue(_denominator)!);
                trend = RecentTrend.ForProportions(rows.Select(i => new ProportionTrendPoint(input.Amount(i, n), input.Amount(i, d))).ToList(), polarity);
            }
            else
            {
                var v = input.Column(parseResult.GetValue(_value)!);
                var l = input.Column(parseResult.GetValue(_lower95)!);
                var u = input.Column(parseResult.GetValue(_upper95)!);
                trend = RecentTrend.ForRates(
                    rows.Select(i => new RateTrendPoint(input.Number(i, v), input.Number(i, l), input.Number(i, u))).ToList(),
                    polarity,
                    z95);
            }

            foreach (var i in rows)
            {
                results[i] = trend;
            }
        }

        var table = input.Extend(new ResultColumn("trend"), new ResultColumn("trend_chi_squared", IsNumeric: true, Format: "N2"));
        for (var i = 0; i < input.Rows.Count; i++)
        {
            table.Add(input.Cells(i, results[i].Marker.ToLabel(), results[i].ChiSquared));
        }

        table.Notes.Add($"Recent trend on the last {RecentTrend.Points} periods of each series (column '{periodName}', in file order); a point whose numerator equals its denominator cannot be calculated; significant when χ² > {RecentTrend.ChiSquaredThreshold:F4} and the slope keeps its sign with each point left out.");
        Write(table, parseResult);
        return (int)ExitCode.Ok;
    }
}
