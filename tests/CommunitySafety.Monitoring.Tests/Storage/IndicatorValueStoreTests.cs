using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Tests.Storage;

public sealed class SqliteIndicatorValueStoreTests(SqliteFixture fixture)
    : IndicatorValueStoreTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgreSqlIndicatorValueStoreTests(PostgreSqlFixture fixture)
    : IndicatorValueStoreTests<PostgreSqlFixture>(fixture), IClassFixture<PostgreSqlFixture>;

/// <summary>The store's behaviour, run on each database.</summary>
public abstract class IndicatorValueStoreTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    private static readonly ReportingPeriod Q1 = ReportingPeriod.Parse("Q1 2022/23");

    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task OpenAsync_NewDatabase_AppliesEveryMigration()
    {
        await using var db = Fixture.NewContext();

        var applied = await db.Database.GetAppliedMigrationsAsync();
        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.NotEmpty(applied);
        Assert.Empty(pending);
        Assert.Equal(db.Database.GetMigrations(), applied);
    }

    [Fact]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        await using var db = Fixture.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: Storage/Migrations/add-migration.sh <Name>");
    }

    [Fact]
    public async Task SaveChanges_TwoPeopleChangeTheSameValue_SecondIsRefusedAndNothingIsLost()
    {
        await using var setup = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(setup, "CONC" + Fixture.ProviderName[..2]);
        await new IndicatorValueStore(setup).RecordAsync(new IndicatorValueInput(framework.Code + "-COUNT", Q1, TestPlans.Area) { Count = 10 }, "a");
        await using var first = Fixture.NewContext();
        await using var second = Fixture.NewContext();
        var mine = await first.IndicatorValues.SingleAsync(v => v.Indicator!.Code == framework.Code + "-COUNT");
        var theirs = await second.IndicatorValues.SingleAsync(v => v.Indicator!.Code == framework.Code + "-COUNT");

        (mine.Count, mine.Value, mine.EnteredBy) = (11, 11, "first");
        await first.SaveChangesAsync();
        (theirs.Count, theirs.Value, theirs.EnteredBy) = (12, 12, "second");

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var read = Fixture.NewContext();
        var history = await new IndicatorValueStore(read).GetHistoryAsync(mine.Id);
        Assert.Equal([10.0, 11.0], history.Select(h => h.Count!.Value));
    }

    [Fact]
    public async Task RecordAsync_NewValue_StoresItWithWhoAndWhen()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "NEW" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);

        var change = await store.RecordAsync(
            new IndicatorValueInput(framework.Code + "-COUNT", Q1, TestPlans.Area) { Count = 47, Note = "ISVA referrals" }, "sam.graves");

        await using var read = Fixture.NewContext();
        var stored = await read.IndicatorValues.SingleAsync(v => v.Indicator!.Code == framework.Code + "-COUNT");
        Assert.Equal(ValueChange.Added, change);
        Assert.Equal(47, stored.Value);
        Assert.Equal(47, stored.Count);
        Assert.Equal(Q1, stored.Period);
        Assert.Equal("sam.graves", stored.EnteredBy);
        Assert.Equal(Fixture.Clock.GetUtcNow(), stored.EnteredAt);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task RecordAsync_ChangedValue_KeepsPreviousVersionWithWhoAndWhen()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "CHG" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);
        var code = framework.Code + "-RATE";
        await store.RecordAsync(new IndicatorValueInput(code, Q1, TestPlans.Area) { Count = 40, Denominator = 17_000, Status = ValueStatus.Provisional }, "first.person");
        var firstAt = Fixture.Clock.GetUtcNow();
        Fixture.Clock.Advance(TimeSpan.FromDays(30));

        var change = await store.RecordAsync(new IndicatorValueInput(code, Q1, TestPlans.Area) { Count = 39, Denominator = 17_000, Status = ValueStatus.Revised }, "second.person");

        await using var read = Fixture.NewContext();
        var current = await read.IndicatorValues.SingleAsync(v => v.Indicator!.Code == code);
        var history = await new IndicatorValueStore(read).GetHistoryAsync(current.Id);
        Assert.Equal(ValueChange.Changed, change);
        Assert.Equal(2, current.Version);
        Assert.Equal(2, history.Count);
        Assert.Equal(40, history[0].Count);
        Assert.Equal(40.0 / 17_000 * 100_000, history[0].Value!.Value, 9);
        Assert.Equal(ValueStatus.Provisional, history[0].Status);
        Assert.Equal("first.person", history[0].EnteredBy);
        Assert.Equal(firstAt, history[0].EnteredAt);
        var revision = Assert.IsType<IndicatorValueRevision>(history[0]);
        Assert.Equal("second.person", revision.SupersededBy);
        Assert.Equal(Fixture.Clock.GetUtcNow(), revision.SupersededAt);
        Assert.Equal(39, history[1].Count);
        Assert.Equal("second.person", history[1].EnteredBy);
    }

    [Fact]
    public async Task RecordAsync_SameValueTwice_SecondIsUnchangedAndAddsNoRevision()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "SAME" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);
        var input = new IndicatorValueInput(framework.Code + "-COUNT", Q1, TestPlans.Area) { Count = 12 };
        await store.RecordAsync(input, "a");

        var change = await store.RecordAsync(input, "b");

        Assert.Equal(ValueChange.Unchanged, change);
        Assert.Equal(0, await db.IndicatorValueRevisions.CountAsync(r => r.IndicatorValueId == db.IndicatorValues.Single(v => v.Indicator!.Code == input.IndicatorCode).Id));
    }

    [Fact]
    public async Task RecordAsync_MissingValueWithReason_StoresNullNeverZero()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "MISS" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);

        await store.RecordAsync(new IndicatorValueInput(framework.Code + "-PCT", Q1, TestPlans.Area) { MissingReason = "Not available since 2017/18" }, "a");

        await using var read = Fixture.NewContext();
        var stored = await read.IndicatorValues.SingleAsync(v => v.Indicator!.Code == framework.Code + "-PCT");
        Assert.Null(stored.Value);
        Assert.Null(stored.Count);
        Assert.Equal("Not available since 2017/18", stored.MissingReason);
    }

    [Fact]
    public async Task RecordAsync_NoValueAndNoReason_ThrowsNamingValue()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "NOVAL" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.RecordAsync(new IndicatorValueInput(framework.Code + "-PCT", Q1, TestPlans.Area), "a"));

        Assert.Contains("Value:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never zero", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_AnnualPeriodForQuarterlyIndicator_ThrowsNamingPeriod()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "KIND" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(
            new IndicatorValueInput(framework.Code + "-COUNT", ReportingPeriod.Parse("2022/23"), TestPlans.Area) { Count = 3 }, "a"));

        Assert.Contains("Period: 2022/23 is a financial year", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_DeletingAValue_IsRefused()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "DEL" + Fixture.ProviderName[..2]);
        await new IndicatorValueStore(db).RecordAsync(new IndicatorValueInput(framework.Code + "-COUNT", Q1, TestPlans.Area) { Count = 3 }, "a");
        var value = await db.IndicatorValues.SingleAsync(v => v.Indicator!.Code == framework.Code + "-COUNT");

        db.IndicatorValues.Remove(value);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task WriteCommentaryAsync_Rewritten_KeepsEveryVersionWithAuthorAndDate()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "COM" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);
        var indicator = framework.Indicators[0];
        var first = await store.WriteCommentaryAsync(CommentarySubject.OnIndicator(indicator.Id), Q1, "Referrals rose by 21%.", "analyst.one");
        var firstAt = first.WrittenAt;
        Fixture.Clock.Advance(TimeSpan.FromHours(5));

        var second = await store.WriteCommentaryAsync(CommentarySubject.OnIndicator(indicator.Id), Q1, "Referrals rose by 21% (n47).", "analyst.two");

        await using var read = Fixture.NewContext();
        var history = await new IndicatorValueStore(read).GetCommentaryHistoryAsync(second.Id);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, history.Count);
        Assert.Equal(("Referrals rose by 21%.", "analyst.one", firstAt), history[0]);
        Assert.Equal(("Referrals rose by 21% (n47).", "analyst.two", Fixture.Clock.GetUtcNow()), history[1]);
    }

    [Fact]
    public async Task GetBreakdownAsync_CategoriesAddUpToTotal_TotalMatches()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "BRK" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);
        var code = framework.Code + "-COUNT";
        await store.RecordAsync(new IndicatorValueInput(code, Q1, TestPlans.Area) { Count = 100 }, "a");
        await store.RecordAsync(new IndicatorValueInput(code, Q1, TestPlans.Area) { CategoryType = "Presenting substance", Category = "Opiates", Count = 60 }, "a");
        await store.RecordAsync(new IndicatorValueInput(code, Q1, TestPlans.Area) { CategoryType = "Presenting substance", Category = "Alcohol only", Count = 40 }, "a");
        await store.RecordAsync(new IndicatorValueInput(code, Q1, TestPlans.Area) { CategoryType = "Sex", Category = "Female", Count = 30 }, "a");

        var breakdown = await store.GetBreakdownAsync(framework.Indicators[0].Id, TestPlans.Area, Q1, "Presenting substance");

        Assert.Equal(100, breakdown.Total!.Count);
        Assert.Equal(["Alcohol only", "Opiates"], breakdown.Categories.Select(c => c.Category));
        Assert.Equal(100, breakdown.SumOfCategoryCounts);
        Assert.True(breakdown.TotalMatches);
    }

    [Fact]
    public async Task GetBreakdownAsync_CategoriesShortOfTotal_TotalDoesNotMatch()
    {
        await using var db = Fixture.NewContext();
        var framework = await TestPlans.AddFrameworkAsync(db, "BRK2" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);
        var code = framework.Code + "-COUNT";
        await store.RecordAsync(new IndicatorValueInput(code, Q1, TestPlans.Area) { Count = 100 }, "a");
        await store.RecordAsync(new IndicatorValueInput(code, Q1, TestPlans.Area) { CategoryType = "Sex", Category = "Female", Count = 30 }, "a");

        var breakdown = await store.GetBreakdownAsync(framework.Indicators[0].Id, TestPlans.Area, Q1, "Sex");

        Assert.False(breakdown.TotalMatches);
    }

    [Fact]
    public async Task SaveChanges_PlanWithPrioritiesStrategiesAndActions_ReadsBackWhole()
    {
        await using (var db = Fixture.NewContext())
        {
            var framework = await TestPlans.AddFrameworkAsync(db, "PLAN" + Fixture.ProviderName[..2]);
            var strategy = await db.Strategies.Include(s => s.Plan).SingleAsync(s => s.Id == framework.StrategyId);
            strategy.Status = StrategyStatus.BeingUpdated;
            strategy.ReviewDate = new DateOnly(2024, 3, 31);
            strategy.Plan!.Status = PlanStatus.RolledForward;
            strategy.Plan.Sections.Add(new NarrativeSection { Kind = NarrativeKind.Purpose, Heading = "Purpose", Markdown = "To update members…", Order = 1 });
            var review = new PlanAction { Title = "Domestic homicide review 1", Status = ActionStatus.Ongoing, Rag = Rag.Amber };
            review.Updates.Add(new ActionUpdate { Date = new DateOnly(2022, 6, 1), Status = ActionStatus.Ongoing, Rag = Rag.Amber, Author = "a", RecordedAt = Fixture.Clock.GetUtcNow() });
            review.Updates.Add(new ActionUpdate { Date = new DateOnly(2023, 3, 1), Status = ActionStatus.Published, Rag = Rag.Green, Author = "a", RecordedAt = Fixture.Clock.GetUtcNow() });
            review.Status = ActionStatus.Published;
            strategy.Actions.Add(review);
            await db.SaveChangesAsync();
        }

        await using var read = Fixture.NewContext();
        var frameworkCode = "PLAN" + Fixture.ProviderName[..2];
        var plan = await read.Plans
            .Include(p => p.Sections)
            .Include(p => p.Priorities).ThenInclude(p => p.Strategies).ThenInclude(s => s.Actions).ThenInclude(a => a.Updates)
            .SingleAsync(p => p.Strategies.Any(s => s.Frameworks.Any(f => f.Code == frameworkCode)));
        var strategyRead = plan.Priorities.Single().Strategies.Single();
        Assert.Equal(PlanStatus.RolledForward, plan.Status);
        Assert.Equal(new FinancialYear(2021), plan.FirstYear);
        Assert.Equal("Purpose", plan.Sections.Single().Heading);
        Assert.Equal(StrategyStatus.BeingUpdated, strategyRead.Status);
        Assert.Equal(new DateOnly(2024, 3, 31), strategyRead.ReviewDate);
        var action = strategyRead.Actions.Single();
        Assert.Equal(ActionStatus.Published, action.Status);
        Assert.Equal([ActionStatus.Ongoing, ActionStatus.Published], action.Updates.OrderBy(u => u.Date).Select(u => u.Status));
    }
}
