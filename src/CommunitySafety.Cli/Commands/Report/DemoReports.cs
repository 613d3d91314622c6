using System.CommandLine;
using System.Diagnostics;
using CommunitySafety.Assessment;
using CommunitySafety.Cli.Commands.Plan;
using CommunitySafety.Periods;
using CommunitySafety.Reports;
using CommunitySafety.Reports.Builders;

namespace CommunitySafety.Cli.Commands.Report;

/// <summary>The end of <c>csp demo</c>: both reports in all three formats in ./out/, their paths printed.</summary>
public static class DemoReports
{
    /// <summary>The folder the demo writes its reports to.</summary>
    public const string Folder = "out";

    /// <summary>Writes the progress report of the demo plan (seeded by <c>csp demo</c> before this) and the strategic assessment as HTML, Word and PDF.</summary>
    /// <param name="context">The CLI context.</param>
    /// <param name="parseResult">The demo's parse result (for --store and the monitoring store).</param>
    /// <param name="assessmentArea">The area of the standalone strategic assessment.</param>
    /// <param name="assessmentYear">Its year.</param>
    /// <returns>The files written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(CliContext context, ParseResult parseResult, string assessmentArea, FinancialYear assessmentYear)
    {
        var folder = context.ResolvePath(Folder);
        var watch = Stopwatch.StartNew();
        var files = new List<string>();
        var planYear = new FinancialYear(2022);
        AssessmentResult? portsmouth = TryAssess(context, parseResult, "Portsmouth", planYear);
        var assessment = ReportAssessmentCommand.Assess(context, parseResult, assessmentArea, assessmentYear);

        CommunitySafety.Reports.Report progress;
        await using (var db = await MonitoringStoreAccess.OpenAsync(context, parseResult, CancellationToken.None).ConfigureAwait(false))
        {
            progress = await ProgressReportBuilder.BuildAsync(db, new ProgressReportOptions
            {
                Period = ReportingPeriod.OfFinancialYear(planYear),
                MeetingTitle = "Health and Wellbeing Board",
                MeetingDate = new DateOnly(2023, 6, 28),
                ReportBy = "Strategy and Partnership Manager (example)",
                SignedBy = "Chair, Safer Portsmouth Partnership (example)",
                BackgroundDocuments =
                [
                    new BackgroundDocument("Community Safety Plan 2021-22", "https://www.saferportsmouth.org.uk/our-plans/community-safety-plan-2021-22/"),
                    new BackgroundDocument($"Strategic assessment {assessment.Year}: {assessment.Area.Name} (this demo)", "out/strategic-assessment.html"),
                ],
                Assessment = portsmouth,
            }).ConfigureAwait(false);
        }

        var assessmentReport = AssessmentReportBuilder.Build(assessment);
        foreach (var (name, report) in new[] { ("progress-report", progress), ("strategic-assessment", assessmentReport) })
        {
            foreach (var ext in ReportOutput.Extensions)
            {
                var path = Path.Combine(folder, name + ext);
                await ReportOutput.WriteAsync(report, path).ConfigureAwait(false);
                files.Add(path);
            }
        }

        context.Say($"Wrote both reports in HTML, Word and PDF in {watch.Elapsed.TotalSeconds:N1} s:");
        foreach (var file in files)
        {
            context.Out.WriteLine(file);
        }

        return files;
    }

    private static AssessmentResult? TryAssess(CliContext context, ParseResult parseResult, string area, FinancialYear year)
    {
        try
        {
            return ReportAssessmentCommand.Assess(context, parseResult, area, year);
        }
        catch (Infrastructure.CliException e)
        {
            context.Say($"  (no strategic assessment of {area} {year} for the progress report: {e.Message})");
            return null;
        }
    }
}
