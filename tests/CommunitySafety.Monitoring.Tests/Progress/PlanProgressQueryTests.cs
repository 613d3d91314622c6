using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Tests.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunitySafety.Monitoring.Tests.Progress;

/// <summary>
/// A plan's progress read in a fixed number of queries (real SQLite files): the same judgements, series, quarters and
/// breakdowns as asking <see cref="IndicatorStatusService"/> indicator by indicator, and no more queries for more indicators.
/// </summary>
public sealed class PlanProgressQueryTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private const string Luton = "E06000032";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new PeriodAsText() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static TheoryData<string, string?> ScopesAndPeriods() => new()
    {
        { "Working", "2024/25" },
        { "Published", "2024/25" },
        { "Working", "Q4 2024/25" },
        { "Published", "Q4 2024/25" },
        { "Working", "Q2 2025/26" },
        { "Working", null },
        { "Published", null },
    };

    [Theory]
    [MemberData(nameof(ScopesAndPeriods))]
    public async Task Progress_IsWhatTheServiceGivesIndicatorByIndicator(string scopeName, string? periodText)
    {
        var scope = Enum.Parse<ValueScope>(scopeName);
        await using var db = MonitoringDatabase.CreateContext(await DemoStoreAsync());
        var requested = periodText is null ? (ReportingPeriod?)null : ReportingPeriod.Parse(periodText);

        var progress = await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { Period = requested, Scope = scope });

        var service = new IndicatorStatusService(db, scope);
        var planId = await db.Plans.Select(p => p.Id).SingleAsync();
        var period = requested ?? await service.DefaultReportPeriodAsync(planId);
        Assert.Equal(period, progress.Period);
        Assert.Equal(scope, progress.Scope);
        Assert.Equal(await db.Frameworks.CountAsync(), progress.Frameworks.Count);
        Assert.Equal(await service.LatestPeriodsAsync(planId), progress.LatestPeriods);
        var breakdownsSeen = 0;
        foreach (var framework in progress.Frameworks)
        {
            var judgements = await service.JudgeFrameworkAsync(framework.Framework.Code, period);
            // The same indicators in the same order (IndicatorOrder.UnassignedLast), each judged the same.
            Assert.Equal(judgements.Select(j => j.IndicatorCode), framework.Indicators.Select(i => i.Indicator.Code));
            foreach (var (judgement, item) in judgements.Zip(framework.Indicators))
            {
                Assert.Equal(Text(judgement), Text(item.Judgement));
                Assert.Equal(judgement.Target?.Id, item.Judgement.Target?.Id);
                Assert.Equal(Text(await service.SeriesAsync(item.Indicator, judgement)), Text(item.Series));
                var quarters = await service.QuartersBehindAsync(item.Indicator, judgement);
                Assert.Equal(Text(quarters?.Series ?? []), Text(item.Quarters));
                Assert.Equal(Text(quarters?.Spc), Text(item.QuartersSpc));
                var breakdowns = item.Indicator.ValueType != IndicatorValueType.Count ? [] : await db.IndicatorValues.AsNoTracking().InScope(scope)
                    .Where(v => v.IndicatorId == item.Indicator.Id && v.AreaCode == judgement.AreaCode && v.CategoryType != string.Empty
                                && v.PeriodKind == judgement.Period.Kind && v.PeriodStart <= judgement.Period.FirstMonth.Index)
                    .ToListAsync();
                Assert.Equal(Text(breakdowns), Text(item.Breakdowns));
                breakdownsSeen += item.Breakdowns.Count;
            }
        }

        // The year-end report has breakdowns to show (people in treatment by presenting substance); the draft ones only inside.
        if (period == ReportingPeriod.Parse("2024/25"))
        {
            Assert.True(breakdownsSeen > 0);
            Assert.Equal(scope == ValueScope.Working, progress.Indicators.SelectMany(i => i.Breakdowns).Any(v => v.Review == ReviewState.Draft));
        }
    }

    [Fact]
    public async Task Progress_CreditsCommentaryAsTheScopeShowsIt()
    {
        await using var db = MonitoringDatabase.CreateContext(await DemoStoreAsync());
        var indicator = await db.Indicators.SingleAsync(i => i.Code == "DA-B3");
        await new IndicatorValueStore(db).WriteCommentaryAsync(CommentarySubject.OnIndicator(indicator.Id), ReportingPeriod.Parse("2024/25"),
            "Ask jo.bloggs@stop.example for the detail.", "jo.bloggs@stop.example", new CommentaryCredit("Jo Bloggs", "STOP Domestic Abuse"), ReviewState.Approved);

        var inside = await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { Period = ReportingPeriod.Parse("2024/25") });
        var published = await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { Period = ReportingPeriod.Parse("2024/25"), Scope = ValueScope.Published });

        Assert.Contains(inside.Commentary, c => c.Author == "Jo Bloggs (STOP Domestic Abuse)" && c.Markdown.Contains("jo.bloggs@stop.example", StringComparison.Ordinal));
        var credited = Assert.Single(published.Commentary, c => c.IndicatorId == indicator.Id && c.Markdown.StartsWith("Ask ", StringComparison.Ordinal));
        Assert.Equal("STOP Domestic Abuse", credited.Author);
        Assert.DoesNotContain("@", credited.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_NoPlan_SaysSo()
    {
        await using var db = MonitoringDatabase.CreateContext(await fixture.NewDatabaseAsync());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new PlanProgressQuery(db).LoadAsync(new ProgressRequest()));
        Assert.Equal("The monitoring store holds no community safety plan.", e.Message);
    }

    [Theory]
    [InlineData("2024/25")]
    [InlineData("Q4 2024/25")]
    [InlineData(null)]
    public async Task Queries_DoNotGrowWithTheNumberOfIndicators(string? periodText)
    {
        var period = periodText is null ? (ReportingPeriod?)null : ReportingPeriod.Parse(periodText);
        var options = await fixture.NewDatabaseAsync();
        int small, large;
        await using (var db = MonitoringDatabase.CreateContext(options))
        {
            small = await AddPlanAsync(db, "PQS", indicators: 2);
            large = await AddPlanAsync(db, "PQL", indicators: 12);
        }

        var counter = new CommandCounter();
        async Task<int> CommandsAsync(int planId, Func<MonitoringDbContext, Task> read)
        {
            await using var db = new SqliteMonitoringDbContext(new DbContextOptionsBuilder<SqliteMonitoringDbContext>()
                .UseSqlite(options.ConnectionString).AddInterceptors(counter).Options);
            counter.Count = 0;
            await read(db);
            return counter.Count;
        }

        Task<int> ProgressAsync(int planId) => CommandsAsync(planId, async db =>
        {
            var progress = await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { PlanId = planId, Period = period });
            Assert.Equal(planId, progress.Plan.Id);
            Assert.All(progress.Indicators, i => Assert.NotNull(i.Judgement.Value));
        });

        // Indicator by indicator, as the report used to read them: the counter counts each query.
        Task<int> OneByOneAsync(int planId) => CommandsAsync(planId, async db =>
        {
            var service = new IndicatorStatusService(db);
            var code = await db.Frameworks.Where(f => f.Strategy!.PlanId == planId).Select(f => f.Code).SingleAsync();
            foreach (var judgement in await service.JudgeFrameworkAsync(code, period ?? ReportingPeriod.Parse("2024/25")))
            {
                var indicator = await db.Indicators.AsNoTracking().Include(i => i.Targets).SingleAsync(i => i.Code == judgement.IndicatorCode);
                await service.SeriesAsync(indicator, judgement);
                await service.QuartersBehindAsync(indicator, judgement);
            }
        });

        var forSmall = await ProgressAsync(small);
        var forLarge = await ProgressAsync(large);
        Assert.Equal(forSmall, forLarge);
        // The plan's split query (the plan and one query per included collection), latest periods, values, commentary.
        Assert.InRange(forLarge, 4, 13);
        Assert.True(await OneByOneAsync(large) > await OneByOneAsync(small) + 10, "the interceptor counts every query");
    }

    /// <summary>A fresh SQLite file with the demo plan, a draft value, a draft breakdown and a withdrawn value.</summary>
    private async Task<MonitoringStoreOptions> DemoStoreAsync()
    {
        var options = await fixture.NewDatabaseAsync();
        await using var db = MonitoringDatabase.CreateContext(options);
        await DemoPlan.SeedAsync(db);
        var store = new IndicatorValueStore(db);
        await store.RecordAsync(new IndicatorValueInput("DA-B3", ReportingPeriod.Parse("Q4 2024/25"), Luton) { Count = 9, Review = ReviewState.Draft }, "partner@example.org");
        await store.RecordAsync(new IndicatorValueInput("CDP-01", ReportingPeriod.Parse("2024/25"), Luton)
        {
            CategoryType = "Presenting substance",
            Category = "Opiates",
            Count = 700,
            Review = ReviewState.Draft,
        }, "partner@example.org");
        var withdrawn = await db.IndicatorValues.FirstAsync(v => v.Indicator!.Code == "DA-B3" && v.PeriodStart == ReportingPeriod.Parse("Q3 2024/25").FirstMonth.Index && v.CategoryType == "");
        withdrawn.Review = ReviewState.Withdrawn;
        await db.SaveChangesAsync();
        return options;
    }

    /// <summary>
    /// A plan with one quarterly framework of <paramref name="indicators"/> counts: half under an objective, half not
    /// (demand and context); every other one benchmarked against England; each with a yearly target, twelve quarters of
    /// values from 2022/23 and a breakdown by sex; one draft. Returns the plan's key.
    /// </summary>
    private static async Task<int> AddPlanAsync(MonitoringDbContext db, string code, int indicators)
    {
        var partnership = new Partnership { Name = "Partnership " + code, AreaCode = Luton, AreaName = "Luton" };
        var plan = new CommunitySafetyPlan { Partnership = partnership, Title = "Plan " + code, FirstYear = new FinancialYear(2023), LastYear = new FinancialYear(2025) };
        var priority = new Priority { Plan = plan, Code = "A", Title = "Priority", Order = 1 };
        var strategy = new Strategy { Plan = plan, Name = "Strategy " + code, Priorities = [priority] };
        var framework = new MonitoringFramework { Strategy = strategy, Code = code, Name = "Framework " + code, Frequency = ReportingFrequency.Quarterly };
        var objective = new Objective { Framework = framework, Code = "A", Title = "Objective", Order = 1 };
        framework.Objectives.Add(objective);
        for (var n = 0; n < indicators; n++)
        {
            var indicator = new Indicator
            {
                Code = $"{code}-{n:D2}",
                Title = $"Indicator {n}",
                Objective = n % 2 == 0 ? objective : null,
                ValueType = IndicatorValueType.Count,
                Polarity = Polarity.LowIsGood,
                Frequency = ReportingFrequency.Quarterly,
                Benchmark = n % 2 == 0 ? BenchmarkKind.England : BenchmarkKind.None,
                Order = indicators - n,
                Targets = [new IndicatorTarget { Period = "2024/25", Upper = 400 + n, Description = "Fewer than last year" }],
            };
            var quarter = ReportingPeriod.Parse("Q1 2022/23");
            for (var q = 0; q < 12; q++, quarter = quarter.Next)
            {
                var count = 90 + (7 * n) + (3 * q);
                indicator.Values.Add(Value(quarter, Luton, count, q == 11 && n == 0 ? ReviewState.Draft : ReviewState.Approved));
                indicator.Values.Add(Value(quarter, Luton, count / 2, ReviewState.Approved, "Sex", "Female"));
                indicator.Values.Add(Value(quarter, Luton, count - (count / 2), ReviewState.Approved, "Sex", "Male"));
                if (indicator.Benchmark == BenchmarkKind.England)
                {
                    indicator.Values.Add(Value(quarter, AreaCodes.England, 40_000 + q, ReviewState.Approved));
                }
            }

            framework.Indicators.Add(indicator);
        }

        db.Add(framework);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private static IndicatorValue Value(ReportingPeriod period, string area, double count, ReviewState review, string categoryType = "", string category = "") => new()
    {
        AreaCode = area,
        Period = period,
        CategoryType = categoryType,
        Category = category,
        Count = count,
        Value = count,
        Review = review,
        EnteredBy = "test",
        EnteredAt = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static string Text<T>(T value) => JsonSerializer.Serialize(value is IndicatorJudgement j ? j with { Target = null } : (object?)value, Json);

    /// <summary>A period as its text: its properties (previous period, same period last year) have no end.</summary>
    private sealed class PeriodAsText : JsonConverter<ReportingPeriod>
    {
        public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReportingPeriod.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    /// <summary>Counts the commands EF Core sends to the database (every reader, scalar and non-query).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count++;
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count++;
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count++;
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }
}
