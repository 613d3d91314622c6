using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Statistics;

namespace CommunitySafety.Monitoring.Tests.Storage;

/// <summary>Small plans made for one test each, with codes unique to the test so tests sharing a database never meet.</summary>
internal static class TestPlans
{
    public const string Area = "E06000044";

    /// <summary>A plan with one strategy, one quarterly framework (code <paramref name="frameworkCode"/>) and three indicators.</summary>
    public static async Task<MonitoringFramework> AddFrameworkAsync(MonitoringDbContext db, string frameworkCode)
    {
        var partnership = new Partnership { Name = "Test partnership " + frameworkCode, AreaCode = Area, AreaName = "Portsmouth" };
        var plan = new CommunitySafetyPlan
        {
            Partnership = partnership,
            Title = "Test plan",
            FirstYear = new Periods.FinancialYear(2021),
            LastYear = new Periods.FinancialYear(2022),
        };
        var priority = new Priority { Plan = plan, Code = "A", Title = "Tackling violent crime", Order = 1 };
        var strategy = new Strategy { Plan = plan, Name = "Domestic Abuse Strategy", Priorities = [priority] };
        var framework = new MonitoringFramework
        {
            Strategy = strategy,
            Code = frameworkCode,
            Name = "Framework " + frameworkCode,
            Frequency = ReportingFrequency.Quarterly,
        };
        var objective = new Objective { Framework = framework, Code = "A", Title = "Promote healthy relationships", Order = 1 };
        framework.Indicators.AddRange(
        [
            new Indicator
            {
                Code = frameworkCode + "-COUNT",
                Title = "Referrals to the ISVA service",
                Objective = objective,
                ValueType = IndicatorValueType.Count,
                Polarity = Polarity.NoJudgement,
                Frequency = ReportingFrequency.Quarterly,
                DisclosureThreshold = 5,
                Order = 1,
            },
            new Indicator
            {
                Code = frameworkCode + "-RATE",
                Title = "First-time entrants per 100,000 of 10-17 population",
                Objective = objective,
                ValueType = IndicatorValueType.CrudeRate,
                Multiplier = 100_000,
                Polarity = Polarity.LowIsGood,
                Frequency = ReportingFrequency.Quarterly,
                Benchmark = BenchmarkKind.England,
                Order = 2,
            },
            new Indicator
            {
                Code = frameworkCode + "-PCT",
                Title = "% of new clients with a mental-health need who received no treatment",
                Objective = objective,
                ValueType = IndicatorValueType.Proportion,
                Multiplier = 100,
                Polarity = Polarity.LowIsGood,
                Frequency = ReportingFrequency.Quarterly,
                Order = 3,
            },
        ]);
        db.Add(framework);
        await db.SaveChangesAsync();
        return framework;
    }
}
