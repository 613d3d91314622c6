using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Tests.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Tests.Demo;

public sealed class SqliteDemoPlanTests(SqliteFixture fixture)
    : DemoPlanTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgreSqlDemoPlanTests(PostgreSqlFixture fixture)
    : DemoPlanTests<PostgreSqlFixture>(fixture), IClassFixture<PostgreSqlFixture>;

/// <summary>The demo plan, seeded into each database.</summary>
public abstract class DemoPlanTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    private async Task<(MonitoringDbContext Db, DemoPlanSummary Summary)> SeededAsync()
    {
        var db = Fixture.NewContext();
        return (db, await DemoPlan.SeedAsync(db));
    }

    [Fact]
    public async Task SeedAsync_EmptyStore_CreatesPlanShapedLikeTheReport()
    {
        var (db, summary) = await SeededAsync();
        await using var _ = db;

        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Priorities).Include(p => p.Strategies).ThenInclude(s => s.Frameworks).ThenInclude(f => f.Objectives)
            .Include(p => p.Sections)
            .SingleAsync(p => p.Id == summary.PlanId);

        Assert.Equal(PlanStatus.RolledForward, plan.Status);
        Assert.Equal(["A", "B", "C"], plan.Priorities.Where(p => !p.IsAdditional).OrderBy(p => p.Order).Select(p => p.Code));
        Assert.Equal(2, plan.Priorities.Count(p => p.IsAdditional));
        var names = plan.Strategies.Select(s => s.Name).ToList();
        Assert.Contains("Domestic Abuse Strategy", names);
        Assert.Contains(names, n => n.StartsWith("Youth Justice Plan", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("Combating Drugs Partnership", StringComparison.Ordinal));
        var damf = plan.Strategies.SelectMany(s => s.Frameworks).Single(f => f.Code == DemoPlan.DomesticAbuseFramework);
        Assert.Equal("Domestic Abuse Monitoring Framework", damf.Name);
        Assert.Equal(["A", "B", "C", "D", "E"], damf.Objectives.OrderBy(o => o.Order).Select(o => o.Code));
        Assert.InRange(summary.Indicators, 18, 30);
        Assert.Equal(4, summary.Frameworks);
        Assert.Contains(plan.Sections, s => s.Kind == NarrativeKind.NationalContext);
    }

    [Fact]
    public async Task SeedAsync_DomesticHomicideReviews_FiveWithTheirStatuses()
    {
        var (db, _) = await SeededAsync();
        await using var __ = db;

        var reviews = await db.Actions.AsNoTracking().Include(a => a.Updates)
            .Where(a => a.Title.StartsWith("Domestic homicide review")).ToListAsync();

        Assert.Equal(5, reviews.Count);
        Assert.Equal(1, reviews.Count(r => r.Status == ActionStatus.Published));
        Assert.Equal(1, reviews.Count(r => r.Status == ActionStatus.Submitted));
        Assert.Equal(3, reviews.Count(r => r.Status == ActionStatus.Ongoing));
        var published = reviews.Single(r => r.Status == ActionStatus.Published);
        Assert.Equal([ActionStatus.Ongoing, ActionStatus.Submitted, ActionStatus.Published], published.Updates.OrderBy(u => u.Date).Select(u => u.Status));
    }

    [Fact]
    public async Task SeedAsync_Twice_SecondAddsNothing()
    {
        var (db, first) = await SeededAsync();
        await using var _ = db;
        var indicators = await db.Indicators.CountAsync();

        var second = await DemoPlan.SeedAsync(db);

        Assert.True(second.AlreadyPresent);
        Assert.Equal(first.PlanId, second.PlanId);
        Assert.Equal(first.Values, second.Values);
        Assert.Equal(indicators, await db.Indicators.CountAsync());
    }

    [Fact]
    public async Task SeedAsync_ExampleValues_AreLabelledAndRealSurveyFiguresAreNot()
    {
        var (db, _) = await SeededAsync();
        await using var __ = db;

        var exampleNotes = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Indicator!.IsExampleData && v.Value != null).Select(v => v.Note).Distinct().ToListAsync();
        var safe = await db.IndicatorValues.AsNoTracking().Where(v => v.Indicator!.Code == "CSP-04").ToListAsync();

        Assert.Equal([DemoPlan.ExampleLabel], exampleNotes);
        var pre = safe.Single(v => v.Period == ReportingPeriod.Parse("2019/20"));
        Assert.Equal(77.84645681302179, pre.Value!.Value, 10);
        Assert.Equal(AreaCodes.EnglandAndWales, pre.AreaCode);
        Assert.StartsWith("Real figure", pre.Note, StringComparison.Ordinal);
        var pandemic = safe.Single(v => v.Period == ReportingPeriod.Parse("2020/21"));
        Assert.Null(pandemic.Value);
        Assert.Contains("Not available", pandemic.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedAsync_MissingYears_AreExplicitNeverZero()
    {
        var (db, _) = await SeededAsync();
        await using var __ = db;

        var stJames = await db.IndicatorValues.AsNoTracking().Where(v => v.Indicator!.Code == "DA-B2").OrderBy(v => v.PeriodStart).ToListAsync();

        Assert.Equal(26, stJames[0].Value!.Value, 9);
        Assert.All(stJames.Where(v => v.Period.FirstMonth.FinancialYear.StartYear is >= 2020 and <= 2023), v =>
        {
            Assert.Null(v.Value);
            Assert.Equal("Not available since 2019/20", v.MissingReason);
        });
        Assert.DoesNotContain(stJames, v => v.Value == 0);
    }

    [Fact]
    public async Task SeedAsync_TreatmentByPresentingSubstance_CategoriesAddUpToTotal()
    {
        var (db, _) = await SeededAsync();
        await using var __ = db;
        var indicator = await db.Indicators.SingleAsync(i => i.Code == "CDP-01");

        var breakdown = await new IndicatorValueStore(db).GetBreakdownAsync(indicator.Id, "E06000032", ReportingPeriod.Parse("2024/25"), "Presenting substance");

        Assert.Equal(1759, breakdown.Total!.Count);
        Assert.Equal(4, breakdown.Categories.Count);
        Assert.True(breakdown.TotalMatches);
    }

    [Fact]
    public async Task SeedAsync_ReportFigures_JudgedAsInTheReport()
    {
        var (db, _) = await SeededAsync();
        await using var __ = db;
        var status = new IndicatorStatusService(db);

        var isva = await status.JudgeAsync("DA-03", ReportingPeriod.Parse("Q4 2024/25"));
        var treatment = await status.JudgeAsync("CDP-02", ReportingPeriod.Parse("2024/25"));
        var entrants = await status.JudgeAsync("YJ-01", ReportingPeriod.OfCalendarYear(2024));
        var damf = await status.JudgeFrameworkAsync(DemoPlan.DomesticAbuseFramework);

        Assert.True(isva.IsExampleData);
        Assert.NotNull(isva.SincePreviousPeriod.PValue);
        Assert.Equal(43.7, treatment.Value!.Value, 1);
        Assert.NotNull(treatment.Target);
        Assert.NotEqual(Rag.None, treatment.Rag);
        Assert.NotNull(treatment.SinceBaseline);
        Assert.Equal(229, entrants.Value!.Value, 0);
        Assert.Equal(Statistics.ComparisonOutcome.Worse, entrants.Benchmark!.Outcome);
        Assert.Equal(15, damf.Count);
        Assert.All(damf.Where(j => j.Period.Kind == PeriodKind.FinancialQuarter), j => Assert.Equal("Q4 2025/26", j.Period.ToString()));
        Assert.Contains(damf, j => j.Variation != Statistics.VariationStatus.InsufficientData);
    }

    [Fact]
    public async Task SeedAsync_RealPoliceCountsGiven_UsesThemInsteadOfExampleValues()
    {
        var options = await Fixture.NewDatabaseAsync();
        await using var db = MonitoringDatabase.CreateContext(options, Fixture.Clock);
        var violence = new Dictionary<FinancialQuarter, long>
        {
            [FinancialQuarter.Parse("Q1 2024/25")] = 2011,
            [FinancialQuarter.Parse("Q2 2024/25")] = 2103,
        };
        var weapons = new Dictionary<FinancialQuarter, long> { [FinancialQuarter.Parse("Q1 2024/25")] = 81 };
        var asb = new Dictionary<FinancialQuarter, long> { [FinancialQuarter.Parse("Q1 2024/25")] = 902 };

        await DemoPlan.SeedAsync(db, new DemoPlanOptions
        {
            PoliceRecordedByQuarter = new Dictionary<Crime.CrimeType, IReadOnlyDictionary<FinancialQuarter, long>>
            {
                [Crime.CrimeType.ViolenceAndSexualOffences] = violence,
                [Crime.CrimeType.PossessionOfWeapons] = weapons,
                [Crime.CrimeType.AntiSocialBehaviour] = asb,
            },
        });

        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.Code.StartsWith("CSP-0")).ToDictionaryAsync(i => i.Code);
        Assert.Equal([2011.0, 2103.0], indicators["CSP-01"].Values.OrderBy(v => v.PeriodStart).Select(v => v.Count!.Value));
        Assert.Equal([81.0], indicators["CSP-02"].Values.Select(v => v.Count!.Value));
        Assert.Equal([902.0], indicators["CSP-05"].Values.Select(v => v.Count!.Value));
        Assert.Contains("Possession of weapons", indicators["CSP-02"].Title, StringComparison.Ordinal);
        foreach (var code in new[] { "CSP-01", "CSP-02", "CSP-05" })
        {
            Assert.False(indicators[code].IsExampleData);
            Assert.DoesNotContain(indicators[code].Values, v => v.Note == DemoPlan.ExampleLabel);
        }
    }

    [Fact]
    public async Task SeedAsync_NoPoliceCounts_ExampleViolenceAndKnifeCrimeAndNoAntiSocialBehaviour()
    {
        var (db, _) = await SeededAsync();
        await using var __ = db;

        var codes = await db.Indicators.AsNoTracking().Where(i => i.Code.StartsWith("CSP-0")).ToDictionaryAsync(i => i.Code, i => i.IsExampleData);
        Assert.True(codes["CSP-01"]);
        Assert.True(codes["CSP-02"]);
        Assert.DoesNotContain("CSP-05", codes.Keys);
    }

    [Fact]
    public async Task SeedAsync_SameContentOnEveryDatabase()
    {
        var (db, _) = await SeededAsync();
        await using var __ = db;
        var folder = Path.Combine(Path.GetTempPath(), "csp-demo-" + Guid.NewGuid().ToString("N"));
        var other = MonitoringStoreOptions.Sqlite(Path.Combine(folder, "other.db"));
        try
        {
            await using var fresh = await MonitoringDatabase.OpenAsync(other, Fixture.Clock);
            await DemoPlan.SeedAsync(fresh);

            Assert.Equal(await Fingerprint(db), await Fingerprint(fresh));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        static async Task<List<string>> Fingerprint(MonitoringDbContext db) =>
            [.. (await db.IndicatorValues.AsNoTracking().Include(v => v.Indicator).ToListAsync())
                .Select(v => $"{v.Indicator!.Code}|{v.AreaCode}|{v.Period}|{v.Category}|{v.Count}|{v.Denominator}|{v.Value:R}|{v.MissingReason}")
                .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The example commentary quotes the example data it sits beside: the year's totals (and their change) and the
    /// fourth quarters the report compares, each with the period it names, so a year-end and a quarterly reading agree.
    /// </summary>
    [Theory]
    [InlineData("DA-02", "children")]
    [InlineData("DA-03", "referrals")]
    public async Task SeedAsync_ExampleCommentary_QuotesItsOwnData(string code, string noun)
    {
        var (db, _) = await SeededAsync();
        await using var __ = db;
        var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == code);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorId == indicator.Id && v.CategoryType == string.Empty && v.PeriodKind == PeriodKind.FinancialQuarter).ToListAsync();
        var year = ReportingPeriod.Parse("2024/25");
        double Total(ReportingPeriod fy) => values.Where(v => v.PeriodStart >= fy.FirstMonth.Index && v.PeriodEnd <= fy.LastMonth.Index).Sum(v => v.Count ?? 0);
        double Quarter(string q) => values.Single(v => v.Period == ReportingPeriod.Parse(q)).Count ?? 0;
        var now = Total(year);
        var then = Total(year.SamePeriodLastYear);
        var gb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        var percent = Math.Round((now - then) / then * 100, MidpointRounding.AwayFromZero);
        var expected = $"{now.ToString("N0", gb)} {noun} in 2024/25, up {percent:0}% (+{(now - then).ToString("N0", gb)}) on {then.ToString("N0", gb)} in 2023/24; "
            + $"{Quarter("Q4 2024/25"):0} in Q4 2024/25 against {Quarter("Q4 2023/24"):0} in Q4 2023/24";

        var commentary = await db.Commentaries.AsNoTracking().Where(c => c.IndicatorId == indicator.Id).Select(c => c.Markdown).ToListAsync();

        Assert.Contains(commentary, c => c.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(commentary, c => System.Text.RegularExpressions.Regex.IsMatch(c, @"\(n\d"));
    }
}
