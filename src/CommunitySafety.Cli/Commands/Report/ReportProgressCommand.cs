using System.CommandLine;
using System.Globalization;
using CommunitySafety.Assessment;
using CommunitySafety.Cli.Commands.Plan;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;

namespace CommunitySafety.Cli.Commands.Report;

/// <summary><c>csp report progress --out report.html|.docx|.pdf [--out …] [--published]</c>: the board's community safety plan progress report.</summary>
public sealed class ReportProgressCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<string[]> _out = new("--out")
    {
        Description = "The report file: .html, .docx or .pdf; several (--out r.html --out r.docx --out r.pdf) build the report once and write each.",
        Required = true,
        HelpName = "file",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<bool> _published = new("--published") { Description = "The published variant: counts below the disclosure threshold are suppressed." };
    private readonly Option<string?> _period = new("--period") { Description = "The period reported: a year-end report (2025/26, judged on annual totals against the previous year) or a quarter (\"Q3 2025/26\", against the same quarter last year). Default: the financial year most indicators have fully reported.", HelpName = "period" };
    private readonly Option<string?> _assessment = new("--assessment") { Description = "A saved strategic assessment (csp assess --format json) for the overall crime trend, matrix and key messages.", HelpName = "file" };
    private readonly Option<string> _meeting = new("--meeting") { Description = "Title of meeting.", DefaultValueFactory = _ => "Community Safety Partnership Board", HelpName = "text" };
    private readonly Option<string?> _date = new("--meeting-date") { Description = "Date of meeting, yyyy-mm-dd (default: today).", HelpName = "date" };
    private readonly Option<string> _by = new("--report-by") { Description = "Report by (name and role).", DefaultValueFactory = _ => "Community Safety Partnership analyst", HelpName = "text" };
    private readonly Option<string?> _signed = new("--signed-by") { Description = "Who signs the report.", HelpName = "text" };

    /// <summary>Creates the command.</summary>
    /// <param name="context">The CLI context.</param>
    public ReportProgressCommand(CliContext context)
        : base("progress", "The community safety plan progress report for the board, from the monitoring store.")
    {
        _context = context;
        Options.Add(_out);
        Options.Add(_published);
        Options.Add(_period);
        Options.Add(_assessment);
        Options.Add(_meeting);
        Options.Add(_date);
        Options.Add(_by);
        Options.Add(_signed);
        Options.Add(MonitoringStoreAccess.Provider());
        Options.Add(MonitoringStoreAccess.Database());
        SetAction((parseResult, ct) => RunAsync(parseResult, ct));
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var paths = parseResult.GetValue(_out)!.Select(_context.ResolvePath).ToList();
        paths.ForEach(ReportOutput.Check);
        ReportingPeriod? period = null;
        if (parseResult.GetValue(_period) is { } p)
        {
            period = ReportingPeriod.TryParse(p, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new CliException(ExitCode.UsageError, $"--period '{p}' is not a period such as 2022/23 or Q4 2022/23.");
        }

        var date = parseResult.GetValue(_date) is { } d
            ? DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDate)
                ? parsedDate
                : throw new CliException(ExitCode.UsageError, $"--meeting-date '{d}' is not a date yyyy-mm-dd.")
            : DateOnly.FromDateTime(_context.Time.GetLocalNow().DateTime);
        AssessmentResult? assessment = null;
        if (parseResult.GetValue(_assessment) is { } a)
        {
            try
            {
                assessment = AssessmentResult.Load(_context.ResolvePath(a));
            }
            catch (AssessmentConfigurationException e)
            {
                throw new CliException(ExitCode.InvalidInput, e.Message, e);
            }
        }

        var options = new ProgressReportOptions
        {
            MeetingTitle = parseResult.GetValue(_meeting)!,
            MeetingDate = date,
            ReportBy = parseResult.GetValue(_by)!,
            SignedBy = parseResult.GetValue(_signed),
            Variant = parseResult.GetValue(_published) ? ReportVariant.Published : ReportVariant.Internal,
            Assessment = assessment,
        };
        await using var db = await MonitoringStoreAccess.OpenAsync(_context, parseResult, cancellationToken).ConfigureAwait(false);
        CommunitySafety.Reports.Model.Report report;
        try
        {
            var progress = await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { Period = period, Scope = options.Scope }, cancellationToken).ConfigureAwait(false);
            report = ProgressReportBuilder.Build(progress, options);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(ExitCode.NoData, e.Message + " Run 'csp demo' or 'csp plan' to add one.", e);
        }

        // The pre-publication check: figures quoted in commentary that the data contradict are listed, never silently published.
        var mismatches = await CommunitySafety.Monitoring.Judgement.CommentaryCheck.PrePublicationAsync(db, period, cancellationToken).ConfigureAwait(false);
        if (mismatches.Count > 0)
        {
            await _context.Error.WriteLineAsync($"Pre-publication check: {mismatches.Count} figure(s) quoted in commentary do not match the data:").ConfigureAwait(false);
            foreach (var m in mismatches)
            {
                await _context.Error.WriteLineAsync($"  {m.IndicatorCode} ({m.Period}): {m.Message}").ConfigureAwait(false);
            }
        }

        await ReportOutput.WriteAsync(report, paths).ConfigureAwait(false);
        paths.ForEach(_context.Out.WriteLine);
        return (int)ExitCode.Ok;
    }
}
