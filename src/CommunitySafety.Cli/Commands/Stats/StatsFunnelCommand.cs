using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats funnel</c>: adds funnel-plot limits at each row's denominator and the row's position.</summary>
public sealed class StatsFunnelCommand : CsvStatsCommand
{
    private readonly Option<string> _count = new("--count") { Description = "The column of counts (rates) or numerators (proportions).", Required = true, HelpName = "column" };
    private readonly Option<string> _denominator = new("--denominator") { Description = "The column of populations or denominators.", Required = true, HelpName = "column" };
    private readonly Option<double?> _target = new("--target") { Description = "The target: a rate per --per, or a proportion × --per. Default: the overall value of the file (Σ count / Σ denominator).", HelpName = "n" };
    private readonly Option<double?> _per = new("--per") { Description = "Per this many (default: 100000 for rates, 100 for proportions).", HelpName = "n" };

    private readonly Option<string> _z = StatsOptions.Z();

    private readonly Option<string> _type = StatsOptions.Type("rates (Poisson quantiles around the target; for indirectly standardised ratios give the expected count as the denominator, --target 100 and --per 100) or proportions.");

    private readonly Option<string> _proportionMethod = new Option<string>("--proportion-method")
    {
        Description = "Proportions: exact (Spiegelhalter's interpolated binomial quantiles; needs whole denominators) or wilson (PHE's Wilson inversion, θ ± z√(θ(1−θ)/n); accepts modelled denominators).",
        DefaultValueFactory = _ => "exact",
        HelpName = "exact|wilson",
    }.AcceptOnlyFromAmong("exact", "wilson");

    private readonly Option<string> _overdispersion = new Option<string>("--overdispersion")
    {
        Description = "Allow for variation between areas beyond chance (Spiegelhalter 2005): none, multiplicative (limits widened by √φ) or additive (random effects, τ²). Applied only when the χ² test finds overdispersion; the unadjusted position is kept beside.",
        DefaultValueFactory = _ => "none",
        HelpName = "none|multiplicative|additive",
    }.AcceptOnlyFromAmong("none", "multiplicative", "additive");

    private readonly Option<double> _winsorise = new("--winsorise")
    {
        Description = "With --overdispersion: the percentage of z-scores winsorised at each tail before φ is estimated.",
        DefaultValueFactory = _ => 10,
        HelpName = "percent",
    };

    /// <summary>Creates the command.</summary>
    public StatsFunnelCommand(CliContext context)
        : base("funnel", "Add funnel-plot control limits (95% and 99.8%, Spiegelhalter 2005) at each row's denominator and the row's position, e.g. 'High (99.8%)'.", context)
    {
        Options.Add(InputOption);
        Options.Add(_count);
        Options.Add(_denominator);
        Options.Add(_type);
        Options.Add(_target);
        Options.Add(_per);
        Options.Add(_z);
        Options.Add(_proportionMethod);
        Options.Add(_overdispersion);
        Options.Add(_winsorise);
        Options.Add(OutOption);
        Options.Add(FormatOption);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var input = ReadInput(parseResult);
        var proportions = parseResult.GetValue(_type) == "proportions";
        var multiplier = parseResult.GetValue(_per) ?? (proportions ? 100 : 100_000);
        var countColumn = input.Column(parseResult.GetValue(_count)!);

        var denominatorColumn = input.Column(parseResult.GetValue(_denominator)!);

        var z = StatsOptions.ParseZQuantiles(parseResult.GetValue(_z));
        var proportionMethod = parseResult.GetValue(_proportionMethod) == "wilson" ? ProportionFunnelMethod.WilsonInversion : ProportionFunnelMethod.ExactBinomial;
        var overdispersion = parseResult.GetValue(_overdispersion) switch
        {
            "multiplicative" => OverdispersionMethod.Multiplicative,
            "additive" => OverdispersionMethod.AdditiveRandomEffects,
            _ => OverdispersionMethod.None,
        };
        var winsorise = parseResult.GetValue(_winsorise);
        if (!(winsorise >= 0 && winsorise < 50))
        {
            throw new CliException(ExitCode.UsageError, $"--winsorise {winsorise}: give a percentage from 0 to below 50.");
        }

        if (!(multiplier > 0))
        {
            throw new CliException(ExitCode.UsageError, "--per must be greater than 0.");
        }

        // Counts and denominators need not be whole (modelled or standardised counts): the Poisson funnel is defined for any
        // expected count and the Wilson inversion for any denominator; the exact binomial funnel needs whole denominators.
        var units = new List<FunnelUnit>(input.Rows.Count);
        var unitOfRow = new int[input.Rows.Count];
        Array.Fill(unitOfRow, -1);
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var count = input.Amount(i, countColumn);
            var denominator = input.Amount(i, denominatorColumn);
            if (count is null || !(denominator > 0))
            {
                continue;
            }

            if (proportions && count > denominator)
            {
                throw new CliException(ExitCode.InvalidInput, $"{input.Path} line {i + 2}: the numerator ({count}) is larger than the denominator ({denominator}).");
            }

            if (proportions && proportionMethod == ProportionFunnelMethod.ExactBinomial && denominator != Math.Floor(denominator.Value))
            {
                throw new CliException(
                    ExitCode.InvalidInput,
                    $"{input.Path} line {i + 2}, column '{input.Header[denominatorColumn]}': '{input.Rows[i][denominatorColumn]}' is not a whole number, and exact binomial limits are defined only for whole numbers in the group; use --proportion-method wilson for modelled or standardised denominators.");
            }

            unitOfRow[i] = units.Count;
            units.Add(new FunnelUnit(count.Value, denominator.Value));
        }

        var target = parseResult.GetValue(_target);
        if (target is null)
        {
            var people = units.Sum(u => u.Denominator);
            target = people > 0 ? units.Sum(u => u.Observed) / people * multiplier : throw new CliException(ExitCode.InvalidInput, $"{input.Path}: no row has a count and a denominator.");
        }

        if (target < 0 || (proportions && target > multiplier))
        {
            throw new CliException(ExitCode.UsageError, $"--target {target} is out of range.");
        }

        var measure = proportions ? FunnelMeasure.Proportion : FunnelMeasure.Rate;
        var estimate = Overdispersion.Estimate(units, target.Value, measure, multiplier, winsorise / 100, proportionMethod: proportionMethod);
        var adjusted = overdispersion != OverdispersionMethod.None;
        ResultColumn[] columns =
        [
            new ResultColumn("value", IsNumeric: true, Format: "N2"),
            new ResultColumn("target", IsNumeric: true, Format: "N2"),
            .. StatsOptions.LimitColumns(with95: true, with998: true),
            new ResultColumn("position"),
        ];
        if (adjusted)
        {
            columns = [.. columns, new ResultColumn("unadjusted_position"), new ResultColumn("overdispersion"), new ResultColumn("phi", IsNumeric: true, Format: "N3"), new ResultColumn("tau2", IsNumeric: true, Format: "G4")];
        }

        var table = input.Extend(columns);
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var at = unitOfRow[i];
            object?[] cells;
            if (at < 0)
            {
                cells = [null, target, null, null, null, null, FunnelPosition.NotCompared.ToLabel()];
                if (adjusted)
                {
                    cells = [.. cells, FunnelPosition.NotCompared.ToLabel(), Overdispersion.Applied(estimate, overdispersion).ToName(), Finite(estimate.Phi), estimate.Tau2];
                }

                table.Add(input.Cells(i, cells));
                continue;
            }

            // The exact limits, and the allowed-for ones when overdispersion is asked for and found (Overdispersion.CompareForZ).
            var unit = units[at];
            var compared = Overdispersion.CompareForZ(estimate, overdispersion, unit.Observed, unit.Denominator, z);
            var limits = compared.Limits;
            cells = [compared.Value, target, limits.Lower95, limits.Upper95, limits.Lower998, limits.Upper998, compared.Position.ToLabel()];
            if (adjusted)
            {
                cells = [.. cells, compared.UnadjustedPosition.ToLabel(), compared.Applied.ToName(), Finite(estimate.Phi), estimate.Tau2];
            }

            table.Add(input.Cells(i, cells));
        }

        var basis = proportions
            ? (proportionMethod == ProportionFunnelMethod.WilsonInversion ? "Wilson inversion" : "exact binomial quantiles, Spiegelhalter's interpolation")
            : "Poisson quantiles of the expected count, Spiegelhalter's interpolation";
        table.Notes.Add($"Funnel limits around {target:G6} per {multiplier:N0} ({basis}; {StatsOptions.DescribeZ(z)}).");
        if (adjusted)
        {
            table.Notes.Add($"Overdispersion: {Overdispersion.MethodName(estimate, overdispersion)}. The position column uses these limits; unadjusted_position the limits without the allowance.");
        }

        Write(table, parseResult);
        return (int)ExitCode.Ok;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
