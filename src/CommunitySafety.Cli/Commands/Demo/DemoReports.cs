using System.CommandLine;
using System.Diagnostics;
using CommunitySafety.Cli.Commands.Plan;
using CommunitySafety.Cli.Commands.Report;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Hotspots;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Rendering;

namespace CommunitySafety.Cli.Commands.Demo;

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
        var assessment = ReportAssessmentCommand.Assess(context, parseResult, assessmentArea, assessmentYear);
        var recent = RecentTrend(context, parseResult, assessmentArea, assessmentYear);
        var top = assessment.Matrix.TopPriorities.Select(name => CrimeType.Current.FirstOrDefault(t => t.Name == name)).OfType<CrimeType>().FirstOrDefault()
            ?? CrimeType.ViolenceAndSexualOffences;
        var topMap = HotspotMap(context, parseResult, assessmentArea, assessmentYear, top, "1");
        var violenceMap = top == CrimeType.ViolenceAndSexualOffences ? topMap : HotspotMap(context, parseResult, assessmentArea, assessmentYear, CrimeType.ViolenceAndSexualOffences, "1");

        CommunitySafety.Reports.Model.Report progress;
        await using (var db = await MonitoringStoreAccess.OpenAsync(context, parseResult, CancellationToken.None).ConfigureAwait(false))
        {
            progress = ProgressReportBuilder.Build(await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { Period = ReportingPeriod.OfFinancialYear(assessmentYear) }).ConfigureAwait(false), new ProgressReportOptions
            {
                MeetingTitle = $"{assessmentArea} Community Safety Partnership Board",
                // The report uses calendar-year figures to the end of the calendar year after the financial year (youth justice).
                MeetingDate = new DateOnly(assessmentYear.StartYear + 2, 1, 29),
                ReportBy = "Community Safety Partnership Manager (example)",
                SignedBy = $"Chair, {assessmentArea} Community Safety Partnership (example)",
                BackgroundDocuments =
                [
                    new BackgroundDocument($"Strategic assessment {assessment.Year}: {assessment.Area.Name} (this demo)", "strategic-assessment.html"),
                    new BackgroundDocument("Police recorded crime: data.police.uk (Open Government Licence v3.0)", "https://data.police.uk/"),
                ],
                Assessment = assessment,
                RecentTrend = recent,
                NoPreviousAssessmentReason = NoPreviousAssessment(recent, assessmentYear),
                HotspotMaps = violenceMap is null ? [] : [violenceMap],
            });
        }

        var assessmentReport = AssessmentReportBuilder.Build(assessment, new AssessmentReportOptions
        {
            RecentTrend = recent,
            NoPreviousAssessmentReason = NoPreviousAssessment(recent, assessmentYear),
            HotspotMaps = topMap is null ? [] : [topMap],
            Outcomes = Outcomes.OutcomeReportInputs.Outcomes(context, parseResult, assessmentArea, assessmentYear),
            StopSearch = Outcomes.OutcomeReportInputs.StopSearch(context, parseResult, assessmentArea, assessmentYear),
            PlaceSections = Places.PlaceReportSections.Build(context, parseResult, assessmentArea, assessmentYear),
        });
        // Without Chromium the demo still writes HTML and Word, and says in one line how to get the PDFs.
        var canPrint = PdfReportRenderer.FindChromium() is not null;
        var extensions = ReportOutput.Extensions.Where(e => canPrint || e != ".pdf").ToArray();
        foreach (var (name, report) in new[] { ("progress-report", progress), ("strategic-assessment", assessmentReport) })
        {
            foreach (var ext in extensions)
            {
                var path = Path.Combine(folder, name + ext);
                await ReportOutput.WriteAsync(report, path).ConfigureAwait(false);
                files.Add(path);
            }
        }

        context.Say($"Wrote both reports in {(canPrint ? "HTML, Word and PDF" : "HTML and Word")} in {watch.Elapsed.TotalSeconds:N1} s:");
        if (!canPrint)
        {
            context.Say($"PDF skipped: {PdfReportRenderer.MissingChromiumText}");
        }

        foreach (var file in files)
        {
            context.Out.WriteLine(file);
        }

        return files;
    }

    /// <summary>The Gi* hot spot map of one crime type in the area and year, from the store's located records.</summary>
    private static ReportMap? HotspotMap(CliContext context, ParseResult parseResult, string areaName, FinancialYear year, CrimeType type, string id)
    {
        using var store = StoreAccess.OpenExisting(context, parseResult);
        var resolver = new AreaResolver(store);
        var area = resolver.Resolve(areaName);
        // The area boundary and ward outlines (ONS, generalised) shipped with the samples: the grid is clipped to the area.
        var folder = Path.Combine(DemoCommand.DefaultSamplesFolder(), "boundaries");
        var shapes = area.Code is { } areaCode
            ? MapBoundaries.Read(Path.Combine(folder, "lad_dec2023_bsc_bedfordshire.geojson"), Path.Combine(folder, "wards_dec2023_bsc_bedfordshire.geojson"), areaCode.ToString())
            : null;
        var analysis = HotspotAnalysis.Run(store, new HotspotRequest
        {
            Area = area,
            Period = ReportingPeriod.OfFinancialYear(year),
            CrimeTypes = [type],
            Options = HotspotReportMap.Options(shapes?.Area),
        });
        return HotspotReportMap.Build(id, type.Name, area.Name, year.ToString(), analysis, code =>
        {
            try
            {
                return resolver.Resolve(code).Name;
            }
            catch (AreaNotFoundException)
            {
                return null;
            }
        }, shapes?.Wards);
    }

    /// <summary>
    /// Why the demo's assessment has no previous one: the police.uk months in the samples start too late for a complete
    /// earlier year, and a window that overlaps the assessment year would compare crimes with themselves.
    /// </summary>
    private static string NoPreviousAssessment(MonthlyTrend recent, FinancialYear year) =>
        $"This is the first strategic assessment made from these data, so there is no earlier ranking to compare with. The police.uk records start in {recent.Months[0].FirstDay.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, "
        + $"so no complete year before {year} can be assessed; a calendar year or rolling 12 months ending inside {year} would share months with it and count the same crimes twice. "
        + $"What changed will be shown from the {year.Next} assessment.";

    /// <summary>
    /// Monthly police recorded crime (without anti-social behaviour) of the area and its police force area, from the
    /// first month in the store to the end of <paramref name="year"/>: England and Wales is not in the samples.
    /// </summary>
    private static MonthlyTrend RecentTrend(CliContext context, ParseResult parseResult, string areaName, FinancialYear year)
    {
        using var store = StoreAccess.OpenExisting(context, parseResult);
        var resolver = new AreaResolver(store);
        var area = resolver.Resolve(areaName);
        var force = resolver.Resolve("Bedfordshire Police");
        var types = CrimeType.Current.Where(t => t != CrimeType.AntiSocialBehaviour).ToList();
        var counts = new CrimeCounts(store);
        Dictionary<YearMonth, long> Monthly(ResolvedArea a) => counts.Count(new CountQuery(a) { By = CountGrouping.Month, CrimeTypes = types, LastMonth = year.LastMonth })
            .Rows.Where(r => !r.IsPartial).ToDictionary(r => r.FirstMonth, r => r.Count);
        var local = Monthly(area);
        var comparator = Monthly(force);
        // Only the consecutive run ending at the year's end: a gap would draw a line across missing months.
        var run = new List<YearMonth>();
        for (var m = year.LastMonth; local.ContainsKey(m) && comparator.ContainsKey(m); m = m.AddMonths(-1))
        {
            run.Insert(0, m);
        }

        return new MonthlyTrend(area.Name, "Bedfordshire Police area", year, run, [.. run.Select(m => local[m])], [.. run.Select(m => comparator[m])],
            "England and Wales is not shown: the sample data hold only two of the 43 police forces. The comparator is " + area.Name + "'s own police force area, which includes " + area.Name + ".");
    }
}
