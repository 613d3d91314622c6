using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Tests.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Tests.Values;

public sealed class SqlitePublicationTests(SqliteFixture fixture)
    : PublicationTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgreSqlPublicationTests(PostgreSqlFixture fixture)
    : PublicationTests<PostgreSqlFixture>(fixture), IClassFixture<PostgreSqlFixture>;

/// <summary>Review before publication, the reporting period rule and year-end judgement, on each database.</summary>
public abstract class PublicationTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    private static readonly ReportingPeriod Q4 = ReportingPeriod.Parse("Q4 2022/23");

    private async Task<(MonitoringDbContext Db, string Code)> NewFrameworkAsync(string suffix)
    {
        var db = fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, suffix + fixture.ProviderName[..2]);
        return (db, framework.Code);
    }

    [Fact]
    public async Task DraftValue_IsJudgedInsideButNotPublished_UntilApproved_AndApprovalMakesNoNewVersion()
    {
        var (db, code) = await NewFrameworkAsync("RV");
        await using var _ = db;
        var store = new IndicatorValueStore(db);
        await store.RecordAsync(new IndicatorValueInput(code + "-COUNT", Q4.SamePeriodLastYear, TestPlans.Area) { Count = 40 }, "analyst");
        await store.RecordAsync(new IndicatorValueInput(code + "-COUNT", Q4, TestPlans.Area) { Count = 50, Review = ReviewState.Draft }, "partner@example.org");

        var working = await new IndicatorStatusService(db).JudgeAsync(code + "-COUNT", Q4);
        var published = await new IndicatorStatusService(db, ValueScope.Published).JudgeAsync(code + "-COUNT", Q4);
        Assert.Equal(50, working.Value);
        Assert.True(working.IsDraft);
        Assert.Null(published.Value);
        Assert.StartsWith("Awaiting review", published.MissingReason, StringComparison.Ordinal);
        Assert.Single(await new ValueReview(db).DraftsAsync(), d => d.IndicatorCode == code + "-COUNT");

        var id = (await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Indicator!.Code == code + "-COUNT" && v.PeriodStart == Q4.FirstMonth.Index)).Id;
        var approved = await new ValueReview(db).ApproveValueAsync(id, "analyst");
        Assert.Equal(ReviewState.Approved, approved.Review);
        Assert.Equal("analyst", approved.ReviewedBy);
        Assert.Equal(1, approved.Version);
        var after = await new IndicatorStatusService(db, ValueScope.Published).JudgeAsync(code + "-COUNT", Q4);
        Assert.Equal(50, after.Value);
        Assert.Equal(10, after.SinceSamePeriodLastYear.CountChange);
    }

    [Fact]
    public async Task Correction_KeepsThePartnersDraftAsARevision_AndWithdrawalHidesTheValueEverywhere()
    {
        var (db, code) = await NewFrameworkAsync("CW");
        await using var _ = db;
        var store = new IndicatorValueStore(db);
        await store.RecordAsync(new IndicatorValueInput(code + "-COUNT", Q4, TestPlans.Area) { Count = 500, Review = ReviewState.Draft }, "partner");
        var id = (await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Indicator!.Code == code + "-COUNT")).Id;

        Assert.Equal(ValueChange.Changed, await new ValueReview(db).CorrectValueAsync(id, 50, null, null, "analyst"));
        var history = await store.GetHistoryAsync(id);
        Assert.Equal([500.0, 50.0], history.Select(h => h.Count!.Value));
        var revision = await db.IndicatorValueRevisions.AsNoTracking().SingleAsync(r => r.IndicatorValueId == id);
        Assert.Equal(ReviewState.Draft, revision.Review);
        Assert.Equal("partner", revision.EnteredBy);
        Assert.Equal(50, (await new IndicatorStatusService(db, ValueScope.Published).JudgeAsync(code + "-COUNT", Q4)).Value);

        await new ValueReview(db).WithdrawValueAsync(id, "analyst");
        Assert.Null((await new IndicatorStatusService(db).JudgeAsync(code + "-COUNT", Q4)).Value);
        Assert.Null((await new IndicatorStatusService(db, ValueScope.Published).JudgeAsync(code + "-COUNT", Q4)).Value);
        Assert.Equal(2, (await store.GetHistoryAsync(id)).Count);
    }

    [Fact]
    public async Task Commentary_IsCreditedByNameInside_AndByOrganisationAloneInPublic_AndDraftsAreNotPublished()
    {
        var (db, code) = await NewFrameworkAsync("CC");
        await using var _ = db;
        var indicator = await db.Indicators.SingleAsync(i => i.Code == code + "-COUNT");
        var c = await new IndicatorValueStore(db).WriteCommentaryAsync(CommentarySubject.OnIndicator(indicator.Id), Q4,
            "Call police@example.org for detail.", "chris@refuge.example", new CommentaryCredit("Chris Contributor", "Refuge"), ReviewState.Draft);

        Assert.Equal("Chris Contributor (Refuge)", Publication.Credit(c, ValueScope.Working));
        Assert.Equal("Refuge", Publication.Credit(c, ValueScope.Published));
        Assert.DoesNotContain('@', Publication.RedactEmails(c.Markdown));
        Assert.Contains(Publication.EmailRemoved, Publication.RedactEmails(c.Markdown), StringComparison.Ordinal);
        Assert.Empty(await db.Commentaries.InScope(ValueScope.Published).Where(x => x.Id == c.Id).ToListAsync());
        await new ValueReview(db).ApproveCommentaryAsync(c.Id, "analyst");
        Assert.Single(await db.Commentaries.InScope(ValueScope.Published).Where(x => x.Id == c.Id).ToListAsync());
        Assert.Equal("the partnership", Publication.Credit(new Commentary { Markdown = "x", Author = "a@b.example" }, ValueScope.Published));
    }

    [Fact]
    public async Task FuturePeriod_IsRefusedWithAClearMessage_AndAnUnfinishedOneNeedsAConfirmation()
    {
        var (db, code) = await NewFrameworkAsync("FP");
        await using var _ = db;
        var store = new IndicatorValueStore(db);
        // The fixture's clock is 1 April 2024.
        var typo = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.RecordAsync(new IndicatorValueInput(code + "-COUNT", ReportingPeriod.Parse("Q1 2099/00"), TestPlans.Area) { Count = 5, ConfirmedUnfinishedPeriod = true }, "p"));
        Assert.Contains("Q1 2099/00", typo.Message, StringComparison.Ordinal);
        Assert.Contains("more than a year from now", typo.Message, StringComparison.Ordinal);

        var current = ReportingPeriod.Parse("Q1 2024/25");
        var unconfirmed = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.RecordAsync(new IndicatorValueInput(code + "-COUNT", current, TestPlans.Area) { Count = 5 }, "p"));
        Assert.Contains("has not ended yet", unconfirmed.Message, StringComparison.Ordinal);
        Assert.Equal(ValueChange.Added, await store.RecordAsync(new IndicatorValueInput(code + "-COUNT", current, TestPlans.Area) { Count = 5, ConfirmedUnfinishedPeriod = true }, "p"));
        Assert.Equal(ValueChange.Added, await store.RecordAsync(new IndicatorValueInput(code + "-COUNT", ReportingPeriod.Parse("Q4 2023/24"), TestPlans.Area) { Count = 5 }, "p"));
    }

    [Fact]
    public async Task YearEnd_JudgesAQuarterlyCountOnAnnualTotals_AgainstThePreviousYear()
    {
        var (db, code) = await NewFrameworkAsync("YE");
        await using var _ = db;
        var store = new IndicatorValueStore(db);
        // 2021/22: 150+160+170+220 = 700; 2022/23: 190+200+235+196 = 821 (+121, +17.3%); Q4 alone 170→196 would be +15.3%.
        double[] before = [150, 160, 170, 220], after = [190, 200, 235, 196];
        var q = ReportingPeriod.Parse("Q1 2021/22");
        foreach (var n in before.Concat(after))
        {
            await store.RecordAsync(new IndicatorValueInput(code + "-COUNT", q, TestPlans.Area) { Count = n }, "a");
            q = q.Next;
        }

        var year = ReportingPeriod.Parse("2022/23");
        var judgements = await new IndicatorStatusService(db).JudgeFrameworkAsync(code, year);
        var j = judgements.Single(x => x.IndicatorCode == code + "-COUNT");
        Assert.Equal(year, j.Period);
        Assert.Equal(821, j.Value);
        Assert.Equal(700, j.SinceSamePeriodLastYear.FromValue);
        Assert.Equal(121, j.SinceSamePeriodLastYear.CountChange);
        Assert.Equal(17.2857, j.SinceSamePeriodLastYear.PercentChange!.Value, 3);
        Assert.Contains(j.Notes, n => n.StartsWith("Judged on the annual total of 2022/23", StringComparison.Ordinal));

        // A quarterly report judges the quarter against the same quarter last year.
        var quarter = (await new IndicatorStatusService(db).JudgeFrameworkAsync(code, ReportingPeriod.Parse("Q4 2022/23"))).Single(x => x.IndicatorCode == code + "-COUNT");
        Assert.Equal(196, quarter.Value);
        Assert.Equal(220, quarter.SinceSamePeriodLastYear.FromValue);

        // A year with a quarter missing has no total, and says so.
        var partial = (await new IndicatorStatusService(db).JudgeFrameworkAsync(code, ReportingPeriod.Parse("2023/24"))).Single(x => x.IndicatorCode == code + "-COUNT");
        Assert.Null(partial.Value);
        Assert.Equal(ReportingPeriod.Parse("2022/23"), (await new IndicatorStatusService(db).LatestPeriodsAsync(
            await db.Indicators.Where(i => i.Code == code + "-COUNT").Select(i => i.Framework!.Strategy!.PlanId).SingleAsync()))
            .Values.Select(p => ReportingPeriod.OfFinancialYear(p.FirstMonth.FinancialYear)).Single());
    }

    [Fact]
    public async Task DefaultReportPeriod_IsTheYearMostIndicatorsHaveFullyReported_NotTheNewestValueAnywhere()
    {
        var (db, code) = await NewFrameworkAsync("DP");
        await using var _ = db;
        var store = new IndicatorValueStore(db);
        await store.RecordAsync(new IndicatorValueInput(code + "-COUNT", ReportingPeriod.Parse("Q4 2022/23"), TestPlans.Area) { Count = 10 }, "a");
        await store.RecordAsync(new IndicatorValueInput(code + "-PCT", ReportingPeriod.Parse("Q4 2022/23"), TestPlans.Area) { Count = 10, Denominator = 20 }, "a");
        // One partner's early upload for the next year does not move the report.
        await store.RecordAsync(new IndicatorValueInput(code + "-RATE", ReportingPeriod.Parse("Q1 2023/24"), TestPlans.Area) { Count = 10, Denominator = 20_000 }, "a");
        var planId = await db.Indicators.Where(i => i.Code == code + "-COUNT").Select(i => i.Framework!.Strategy!.PlanId).SingleAsync();

        Assert.Equal(ReportingPeriod.Parse("2022/23"), await new IndicatorStatusService(db).DefaultReportPeriodAsync(planId));
    }
}
