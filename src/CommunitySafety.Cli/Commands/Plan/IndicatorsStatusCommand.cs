using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Cli.Commands.Plan;

/// <summary><c>csp indicators status</c>: each indicator's latest value judged: limits, change, trend, SPC, RAG, benchmark.</summary>
public sealed class IndicatorsStatusCommand : Command
{
    private readonly CliContext _context;

    private readonly Option<string?> _framework = new("--framework")
    {
        Description = "Only this monitoring framework (its code, e.g. DAMF). Default: every framework.",
        HelpName = "code",
    };

    private readonly Option<string?> _period = new("--period")
    {
        Description = "Judge this period (e.g. Q4 2022/23; annual indicators take the year containing it). Default: each indicator's latest.",
        HelpName = "period",
    };

    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public IndicatorsStatusCommand(CliContext context)
        : base("status", "Judge each indicator: value with 95% limits, change on the same period last year (tested), Fingertips trend, SPC variation, RAG against target and benchmark comparison.")
    {
        _context = context;
        Options.Add(_framework);
        Options.Add(_period);
        Options.Add(_format);
        Options.Add(_out);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ReportingPeriod? period = null;
        if (parseResult.GetValue(_period) is { } text)
        {
            period = ReportingPeriod.TryParse(text, null, out var p)
                ? p
                : throw new CliException(ExitCode.UsageError, $"'{text}' is not a period: write e.g. Q4 2022/23, 2022/23, 2024 or 2024-01.");
        }

        await using var db = await MonitoringStoreAccess.OpenAsync(_context, parseResult, cancellationToken).ConfigureAwait(false);
        if (!await db.Frameworks.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            throw MonitoringStoreAccess.NoPlan();
        }

        IReadOnlyList<IndicatorJudgement> judgements;
        try
        {
            judgements = await new IndicatorStatusService(db).JudgeFrameworkAsync(parseResult.GetValue(_framework), period, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (KeyNotFoundException e)
        {
            throw new CliException(ExitCode.NotFound, e.Message, e);
        }

        var table = new ResultTable(
            new ResultColumn("Indicator"),
            new ResultColumn("Title"),
            new ResultColumn("Period"),
            new ResultColumn("Value", IsNumeric: true, Format: "N1"),
            new ResultColumn("Lower 95%", IsNumeric: true, Format: "N1"),
            new ResultColumn("Upper 95%", IsNumeric: true, Format: "N1"),
            new ResultColumn("Change on last year %", IsNumeric: true, Format: "+0;-0;0"),
            new ResultColumn("Change on last year"),
            new ResultColumn("Trend"),
            new ResultColumn("SPC variation"),
            new ResultColumn("RAG"),
            new ResultColumn("Benchmark"),
            new ResultColumn("Flags"))
        {
            Title = parseResult.GetValue(_framework) is { } code ? $"Indicator status: {code}" : "Indicator status: every framework",
        };
        foreach (var j in judgements)
        {
            var change = j.SinceSamePeriodLastYear;
            var flags = new List<string>();
            if (j.IsExampleData)
            {
                flags.Add("EXAMPLE data");
            }

            if (j.SmallNumbers)
            {
                flags.Add("small numbers");
            }

            if (j.SuppressWhenPublished)
            {
                flags.Add("suppress when published");
            }

            if (j.Value is null)
            {
                flags.Add(j.MissingReason ?? "missing");
            }

            table.Add(
                j.IndicatorCode,
                j.Title,
                j.Period.ToString(),
                j.Value,
                j.Lower95,
                j.Upper95,
                change.PercentChange,
                change.Direction == Direction.NotCompared ? (change.Difference is null ? null : "not tested") : change.Outcome.ToLabel(),
                j.Trend.Marker.ToLabel(),
                PlanShowCommand.Words(j.Variation.ToString()),
                j.Rag == Rag.None ? null : j.Rag.ToString(),
                j.Benchmark?.Outcome.ToLabel(),
                flags.Count == 0 ? null : string.Join("; ", flags));
        }

        if (judgements.Any(j => j.IsExampleData))
        {
            table.Notes.Add("EXAMPLE data: values flagged so are made up for the demonstration, not real figures.");
        }

        table.Notes.Add("Change on last year: the same period a year earlier, tested with the statistics engine (exact Poisson test for counts and rates, two-sample z for proportions).");
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }
}
