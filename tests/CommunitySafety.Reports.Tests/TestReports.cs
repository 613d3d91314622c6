using CommunitySafety.Areas;
using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Crime;
using CommunitySafety.Hotspots;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;

namespace CommunitySafety.Reports.Tests;

/// <summary>The reports the tests look at: the demo plan's progress report and a constructed strategic assessment.</summary>
internal static class TestReports
{
    private static readonly Lazy<AssessmentResult> LazyAssessment = new(MakeAssessment);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<(ReportVariant, string), Report> Progress = [];

    private static readonly Lazy<ReportMap> LazyMap = new(MakeMap);

    public static AssessmentResult Assessment => LazyAssessment.Value;

    /// <summary>A Gi* map of constructed points: 500 spread over 5 km and 200 within 150 m of one place ("Testtown 001A").</summary>
    public static ReportMap Map => LazyMap.Value;

    /// <summary>The strategic assessment report with the map.</summary>
    public static Report AssessmentReport(ReportVariant variant = ReportVariant.Internal) =>
        AssessmentReportBuilder.Build(Assessment, new AssessmentReportOptions { Variant = variant, HotspotMaps = [Map] });

    public static List<LocatedRecord> MapPoints()
    {
        var state = 12345UL;
        double Next()
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            return (state >> 11) * (1.0 / (1UL << 53));
        }

        var points = new List<LocatedRecord>();
        for (var i = 0; i < 500; i++)
        {
            points.Add(new LocatedRecord(new Hotspots.Projection.GridPoint(507_500 + (5000 * Next()), 218_500 + (5000 * Next())), "E01000002", default));
        }

        for (var i = 0; i < 200; i++)
        {
            points.Add(new LocatedRecord(new Hotspots.Projection.GridPoint(510_000 + (300 * (Next() - 0.5)), 221_000 + (300 * (Next() - 0.5))), "E01000001", default));
        }

        return points;
    }

    private static ReportMap MakeMap() =>
        MapOf("1", "Violence and sexual offences", "Luton", MapPoints(), code => code == "E01000001" ? "Testtown 001A" : null)!;

    /// <summary>
    /// The report map of constructed records for 2024/25, analysed as a report's map is (<see cref="HotspotReportMap.Options"/>)
    /// but from records given here instead of read from a store.
    /// </summary>
    public static ReportMap? MapOf(string id, string subject, string area, IReadOnlyList<LocatedRecord> records, Func<string, string?> lsoaName, Boundary? boundary = null, IReadOnlyList<Boundary>? outlines = null) =>
        HotspotReportMap.Build(id, subject, area, "2024/25", HotspotAnalysis.Analyse(records, null, HotspotReportMap.Options(boundary)), lsoaName, outlines);

    public static ProgressReportOptions Options(ReportVariant variant) => new()
    {
        MeetingTitle = "Health and Wellbeing Board",
        MeetingDate = new DateOnly(2025, 7, 10),
        ReportBy = "Strategy and Partnership Manager",
        SignedBy = "Chair of the Luton Community Safety Partnership",
        BackgroundDocuments = [new BackgroundDocument("Community Safety Plan 2023-24", "https://www.luton.gov.uk/")],
        Variant = variant,
        Assessment = Assessment,
        HotspotMaps = [Map],
    };

    /// <summary>
    /// The demo plan's progress report (built once per variant and period, from a temporary SQLite store): the year-end
    /// report by default, which judges quarterly counts on annual totals; a quarter's report (e.g. "Q4 2024/25") judges and
    /// charts the quarterly series.
    /// </summary>
    public static async Task<Report> ProgressAsync(ReportVariant variant = ReportVariant.Internal, string period = "2024/25")
    {
        await Gate.WaitAsync();
        try
        {
            if (Progress.TryGetValue((variant, period), out var cached))
            {
                return cached;
            }

            var file = Path.Combine(Path.GetTempPath(), $"csp-reports-{Guid.NewGuid():N}.db");
            try
            {
                await using (var db = await MonitoringDatabase.OpenAsync(MonitoringStoreOptions.Sqlite(file)))
                {
                    await DemoPlan.SeedAsync(db);
                    await MakeOneCountSmallAsync(db);
                    Progress[(variant, period)] = await BuildProgressAsync(db, Options(variant), ReportingPeriod.Parse(period));
                }

                return Progress[(variant, period)];
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(file);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The progress report of the store's plan as every caller makes it: Monitoring reads the progress, then the builder builds.</summary>
    public static async Task<Report> BuildProgressAsync(MonitoringDbContext db, ProgressReportOptions options, ReportingPeriod? period = null) =>
        ProgressReportBuilder.Build(await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { Period = period, Scope = options.Scope }), options);

    /// <summary>
    /// Sets the quarters of DA-B3 (referrals from health providers) in 2024/25 to 1, 0, 1 and 1, so its annual total (what the
    /// year-end report judges) is 3 and disclosure control has work to do.
    /// </summary>
    private static async Task MakeOneCountSmallAsync(MonitoringDbContext db)
    {
        var indicator = db.Indicators.Single(i => i.Code == "DA-B3");
        var year = ReportingPeriod.Parse("2024/25");
        var quarters = db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.CategoryType == "" && v.PeriodKind == PeriodKind.FinancialQuarter
                                                    && v.PeriodStart >= year.FirstMonth.Index && v.PeriodEnd <= year.LastMonth.Index)
            .OrderBy(v => v.PeriodStart).ToList();
        double[] small = [1, 0, 1, 1];
        for (var i = 0; i < quarters.Count; i++)
        {
            quarters[i].Count = small[i % small.Length];
            quarters[i].Value = small[i % small.Length];
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A strategic assessment of Luton 2024/25 against six peers, from constructed counts (2020/21 unreliable by default).</summary>
    private static AssessmentResult MakeAssessment()
    {
        var luton = new Area(AreaCode.Parse("E06000032"), "Luton", AreaType.CommunitySafetyPartnership);
        AreaData Make(Area area, double population, long first, double growth, double knifeShare = 0.01) =>
            new(area, [.. Enumerable.Range(2019, 6).Select(y =>
            {
                var total = (long)Math.Round(first * Math.Pow(growth, y - 2019));
                var counts = new Dictionary<CrimeType, long>();
                var types = CrimeType.Current.Where(t => t != CrimeType.AntiSocialBehaviour).ToArray();
                var weights = types.Select((t, i) => t == CrimeType.ViolenceAndSexualOffences ? 40.0 : 60.0 / (types.Length - 1) * (1 + (0.1 * ((i + y) % 3)))).ToArray();
                var sum = weights.Sum();
                for (var i = 0; i < types.Length; i++)
                {
                    counts[types[i]] = (long)Math.Round(total * weights[i] / sum);
                }

                counts[CrimeType.PossessionOfWeapons] = Math.Max(3, (long)Math.Round(total * knifeShare * 0.2));
                counts[CrimeType.AntiSocialBehaviour] = total / 3;
                return new AreaYear(new FinancialYear(y), 12, population * (1 + (0.004 * (y - 2019))), counts);
            })]);
        var peers = new[]
        {
            Make(new Area(AreaCode.Parse("E06000045"), "Southampton", AreaType.CommunitySafetyPartnership), 252_000, 30_500, 0.99),
            Make(new Area(AreaCode.Parse("E06000043"), "Brighton and Hove", AreaType.CommunitySafetyPartnership), 277_000, 27_000, 1.0),
            Make(new Area(AreaCode.Parse("E06000026"), "Plymouth", AreaType.CommunitySafetyPartnership), 264_000, 24_000, 1.01),
            Make(new Area(AreaCode.Parse("E06000029"), "Poole", AreaType.CommunitySafetyPartnership), 150_000, 12_000, 1.0),
            Make(new Area(AreaCode.Parse("E06000023"), "Bristol", AreaType.CommunitySafetyPartnership), 463_000, 52_000, 0.995),
            Make(new Area(AreaCode.Parse("E06000044"), "Portsmouth", AreaType.CommunitySafetyPartnership), 214_000, 27_500, 1.015),
        };
        var data = new AssessmentData(
            Make(luton, 215_000, 23_500, 1.02),
            Make(Area.EnglandAndWales, 59_600_000, 5_400_000, 1.005),
            peers,
            []);
        var request = new AssessmentRequest
        {
            Year = new FinancialYear(2024),
            PeerGroup = new PeerGroup(luton.Code, [.. peers.Select(p => p.Area.Code)], "constructed peer group for tests", new Dictionary<AreaCode, double>()),
        };
        return StrategicAssessment.Assess(request, data, AssessmentSettings.Default, new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
