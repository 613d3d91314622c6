using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Tests.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;

namespace CommunitySafety.Monitoring.Tests.Judgement;

public sealed class SqliteIndicatorStatusServiceTests(SqliteFixture fixture)
    : IndicatorStatusServiceTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgreSqlIndicatorStatusServiceTests(PostgreSqlFixture fixture)
    : IndicatorStatusServiceTests<PostgreSqlFixture>(fixture), IClassFixture<PostgreSqlFixture>;

/// <summary>Judging indicators loaded from the store, run on each database.</summary>
public abstract class IndicatorStatusServiceTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task JudgeFrameworkAsync_NoPeriod_JudgesEachIndicatorAtItsLatestPeriod()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, "ST" + Fixture.ProviderName[..2]);
        var store = new IndicatorValueStore(db);
        await store.RecordAsync(new IndicatorValueInput(f.Code + "-COUNT", ReportingPeriod.Parse("Q3 2022/23"), TestPlans.Area) { Count = 220 }, "a");
        await store.RecordAsync(new IndicatorValueInput(f.Code + "-COUNT", ReportingPeriod.Parse("Q4 2022/23"), TestPlans.Area) { Count = 267 }, "a");
        await store.RecordAsync(new IndicatorValueInput(f.Code + "-RATE", ReportingPeriod.Parse("Q2 2022/23"), TestPlans.Area) { Count = 40, Denominator = 17_466 }, "a");
        await store.RecordAsync(new IndicatorValueInput(f.Code + "-RATE", ReportingPeriod.Parse("Q2 2022/23"), AreaCodes.England) { Count = 10_000, Denominator = 10_000_000 }, "a");

        var judgements = await new IndicatorStatusService(db).JudgeFrameworkAsync(f.Code);

        Assert.Equal([f.Code + "-COUNT", f.Code + "-RATE"], judgements.Select(j => j.IndicatorCode));
        Assert.Equal("Q4 2022/23", judgements[0].Period.ToString());
        Assert.Equal(47, judgements[0].SincePreviousPeriod.CountChange);
        Assert.Equal(TestPlans.Area, judgements[1].AreaCode);
        Assert.Equal(Statistics.ComparisonOutcome.Worse, judgements[1].Benchmark!.Outcome);
    }

    [Fact]
    public async Task JudgeAsync_PeriodWithNoRow_SaysNoValueRecorded()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, "ST2" + Fixture.ProviderName[..2]);

        var judgement = await new IndicatorStatusService(db).JudgeAsync(f.Code + "-PCT", ReportingPeriod.Parse("Q1 2023/24"));

        Assert.Null(judgement.Value);
        Assert.Equal("No value recorded", judgement.MissingReason);
        Assert.Equal(TestPlans.Area, judgement.AreaCode);
    }
}
