using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Monitoring.Tests.Judgement;

public sealed class IndicatorJudgeTests
{
    private const string Area = "E06000044";
    private static readonly ReportingPeriod Q4 = ReportingPeriod.Parse("Q4 2022/23");

    private static Indicator Make(IndicatorValueType type, Polarity polarity, double multiplier = 1, BenchmarkKind benchmark = BenchmarkKind.None) => new()
    {
        Code = "T-1",
        Title = "Test indicator",
        ValueType = type,
        Multiplier = multiplier,
        Polarity = polarity,
        Frequency = ReportingFrequency.Quarterly,
        Benchmark = benchmark,
    };

    private static IndicatorValue V(string period, double? count, double? denominator = null, double? value = null, string? missing = null, string area = Area) => new()
    {
        AreaCode = area,
        Period = ReportingPeriod.Parse(period),
        Count = count,
        Denominator = denominator,
        Value = value ?? (missing is null ? count : null),
        MissingReason = missing,
        EnteredBy = "test",
    };

    [Fact]
    public void Judge_CountWithoutLimits_UsesEnginePoissonLimits()
    {
        var judgement = IndicatorJudge.Judge(Make(IndicatorValueType.Count, Polarity.NoJudgement), [V("Q4 2022/23", 47)], Q4);

        var expected = PoissonLimits.Limits(47);
        Assert.Equal(LimitsSource.Computed, judgement.LimitsSource);
        Assert.Equal((expected.Lower95, expected.Upper95, expected.Lower998, expected.Upper998),
            (judgement.Lower95!.Value, judgement.Upper95!.Value, judgement.Lower998!.Value, judgement.Upper998!.Value));
        Assert.True(judgement.Lower95 < 47 && judgement.Upper95 > 47);
    }

    [Fact]
    public void Judge_RateWithCountAndDenominator_UsesEngineCrudeRateLimits()
    {
        var indicator = Make(IndicatorValueType.CrudeRate, Polarity.LowIsGood, 100_000);
        var judgement = IndicatorJudge.Judge(indicator, [V("Q4 2022/23", 40, 17_466, 229)], Q4);

        var expected = CrudeRate.Calculate(40, 17_466, new RateOptions { Multiplier = 100_000 });
        Assert.Equal(expected.Lower95, judgement.Lower95);
        Assert.Equal(expected.Upper998, judgement.Upper998);
    }

    [Fact]
    public void Judge_SuppliedLimits_AreKept()
    {
        var value = V("Q4 2022/23", 401, 86650, 448.27148);
        value.Lower95 = 405.17258;
        value.Upper95 = 494.68235;

        var judgement = IndicatorJudge.Judge(Make(IndicatorValueType.Score, Polarity.LowIsGood), [value], Q4);

        Assert.Equal(LimitsSource.Supplied, judgement.LimitsSource);
        Assert.Equal(405.17258, judgement.Lower95);
    }

    [Fact]
    public void Judge_CountsAYearApart_ChangeFromEngineExactTest()
    {
        var indicator = Make(IndicatorValueType.Count, Polarity.NoJudgement);

        var judgement = IndicatorJudge.Judge(indicator, [V("Q4 2021/22", 220), V("Q3 2022/23", 250), V("Q4 2022/23", 267)], Q4);

        var change = judgement.SinceSamePeriodLastYear;
        var engine = PeriodChange.ForCounts(220, 267);
        Assert.Equal(ReportingPeriod.Parse("Q4 2021/22"), change.From);
        Assert.Equal(47, change.CountChange);
        Assert.Equal(47.0 / 220 * 100, change.PercentChange!.Value, 9);
        Assert.Equal(engine.PValue, change.PValue);
        Assert.Equal(engine.Direction, change.Direction);
        Assert.Equal(17, judgement.SincePreviousPeriod.CountChange);
    }

    [Fact]
    public void Judge_PreviousPeriodMissing_SaysWhyAndDoesNotCompare()
    {
        var indicator = Make(IndicatorValueType.Proportion, Polarity.HighIsGood, 100);

        var judgement = IndicatorJudge.Judge(indicator, [V("Q3 2022/23", null, missing: "Not available since 2017/18"), V("Q4 2022/23", 5, 100, 5)], Q4);

        Assert.Equal(Direction.NotCompared, judgement.SincePreviousPeriod.Direction);
        Assert.Equal(ComparisonOutcome.NotCompared, judgement.SincePreviousPeriod.Outcome);
        Assert.Contains("Not available since 2017/18", judgement.SincePreviousPeriod.Note, StringComparison.Ordinal);
        Assert.Null(judgement.SincePreviousPeriod.Difference);
    }

    [Fact]
    public void Judge_PeriodItselfMissing_HasNoValueAndKeepsTheReason()
    {
        var judgement = IndicatorJudge.Judge(Make(IndicatorValueType.Count, Polarity.LowIsGood), [V("Q4 2022/23", null, missing: "Data not yet supplied")], Q4);

        Assert.Null(judgement.Value);
        Assert.Equal("Data not yet supplied", judgement.MissingReason);
        Assert.Equal(LimitsSource.None, judgement.LimitsSource);
        Assert.Null(judgement.Spc);
    }

    [Fact]
    public void Judge_FiveRisingProportions_EngineTrendIncreasingAndGettingBetter()
    {
        var indicator = Make(IndicatorValueType.Proportion, Polarity.HighIsGood, 100);
        string[] quarters = ["Q4 2021/22", "Q1 2022/23", "Q2 2022/23", "Q3 2022/23", "Q4 2022/23"];
        var series = quarters.Select((q, i) => V(q, 100 + (20 * i), 1000, (100 + (20 * i)) / 10.0)).ToList();

        var judgement = IndicatorJudge.Judge(indicator, series, Q4);

        Assert.Equal(TrendMarker.IncreasingAndGettingBetter, judgement.Trend.Marker);
    }

    [Fact]
    public void Judge_FourQuarters_TrendCannotBeCalculated()
    {
        var indicator = Make(IndicatorValueType.Count, Polarity.LowIsGood);
        string[] quarters = ["Q1 2022/23", "Q2 2022/23", "Q3 2022/23", "Q4 2022/23"];

        var judgement = IndicatorJudge.Judge(indicator, [.. quarters.Select(q => V(q, 50))], Q4);

        Assert.Equal(TrendMarker.CannotBeCalculated, judgement.Trend.Marker);
    }

    [Fact]
    public void Judge_ThirteenQuarters_SpcFromEngine()
    {
        var indicator = Make(IndicatorValueType.Count, Polarity.LowIsGood);
        double[] counts = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11];
        var first = ReportingPeriod.Parse("Q4 2019/20");
        var series = counts.Select((c, i) => V(Enumerable.Range(0, i).Aggregate(first, (p, _) => p.Next).ToString(), c)).ToList();

        var judgement = IndicatorJudge.Judge(indicator, series, Q4);

        var engine = XmrChart.Analyse(counts, Polarity.LowIsGood, SpcOptions.MakingDataCount);
        Assert.Equal(engine.Variation, judgement.Variation);
        Assert.Equal(engine.Points[^1].UpperProcessLimit, judgement.Spc!.Points[^1].UpperProcessLimit);
        Assert.Equal(VariationStatus.CommonCause, judgement.Variation);
    }

    [Fact]
    public void Judge_RateAboveEngland_WorseWhenLowIsGood()
    {
        var indicator = Make(IndicatorValueType.CrudeRate, Polarity.LowIsGood, 100_000, BenchmarkKind.England);
        var england = V("Q4 2022/23", 15_000, 5_000_000, 150, area: AreaCodes.England);

        var judgement = IndicatorJudge.Judge(indicator, [V("Q4 2022/23", 40, 17_466, 229)], Q4, [england]);

        Assert.Equal(AreaCodes.England, judgement.Benchmark!.AreaCode);
        Assert.Equal(150, judgement.Benchmark.Value);
        Assert.Equal(BenchmarkComparison.Compare95(150, judgement.Lower95, judgement.Upper95, Polarity.LowIsGood), judgement.Benchmark.Outcome);
        Assert.Equal(ComparisonOutcome.Worse, judgement.Benchmark.Outcome);
    }

    [Fact]
    public void Judge_TwoLevelBenchmarkMethod_GivesWorstBeyond998()
    {
        var indicator = Make(IndicatorValueType.CrudeRate, Polarity.LowIsGood, 100_000, BenchmarkKind.England);
        var england = V("Q4 2022/23", 10_000, 10_000_000, 100, area: AreaCodes.England);
        var options = new IndicatorJudgementOptions { BenchmarkMethod = ComparisonMethod.ConfidenceInterval95And998 };

        var judgement = IndicatorJudge.Judge(indicator, [V("Q4 2022/23", 40, 17_466, 229)], Q4, [england], options);

        Assert.Equal(ComparisonOutcome.Worst, judgement.Benchmark!.Outcome);
    }

    [Fact]
    public void Judge_BenchmarkHasNoValue_NotComparedWithNote()
    {
        var indicator = Make(IndicatorValueType.Count, Polarity.LowIsGood, benchmark: BenchmarkKind.England);

        var judgement = IndicatorJudge.Judge(indicator, [V("Q4 2022/23", 40)], Q4, []);

        Assert.Equal(ComparisonOutcome.NotCompared, judgement.Benchmark!.Outcome);
        Assert.Contains(judgement.Notes, n => n.Contains("benchmark", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_SmallCount_FlagsSmallNumbersAndSuppression()
    {
        var indicator = Make(IndicatorValueType.Count, Polarity.LowIsGood);
        indicator.DisclosureThreshold = 5;

        var small = IndicatorJudge.Judge(indicator, [V("Q4 2022/23", 3)], Q4);
        var medium = IndicatorJudge.Judge(indicator, [V("Q4 2022/23", 7)], Q4);

        Assert.True(small.SmallNumbers);
        Assert.True(small.SuppressWhenPublished);
        Assert.True(medium.SmallNumbers);
        Assert.False(medium.SuppressWhenPublished);
    }

    [Fact]
    public void Judge_TargetForThePeriod_TakesPrecedenceOverStandingTarget()
    {
        var indicator = Make(IndicatorValueType.Proportion, Polarity.LowIsGood, 100);
        indicator.Targets.Add(new IndicatorTarget { Lower = 40, Upper = 40 });
        indicator.Targets.Add(new IndicatorTarget { Period = "Q4 2022/23", Lower = 45, Upper = 45 });

        var judgement = IndicatorJudge.Judge(indicator, [V("Q4 2022/23", 437, 1000, 43.7)], Q4);

        Assert.Equal(45, judgement.Target!.Lower);
        Assert.Equal(Rag.Green, judgement.Rag);
    }

    [Theory]
    [InlineData(43.7, 40.6, 46.8, Rag.Amber)] // above 42 but the interval reaches it
    [InlineData(41.0, 38.0, 44.0, Rag.Green)]
    [InlineData(49.0, 46.0, 52.0, Rag.Red)]
    public void RagAgainst_SingleTargetLowIsGood_GreenAmberRed(double value, double lower, double upper, Rag expected)
    {
        var target = new IndicatorTarget { Lower = 42, Upper = 42 };

        Assert.Equal(expected, IndicatorJudge.RagAgainst(target, value, lower, upper, Polarity.LowIsGood));
    }

    [Theory]
    [InlineData(85.0, Rag.Green)]
    [InlineData(95.0, Rag.Red)]
    [InlineData(79.0, Rag.Red)]
    public void RagAgainst_Range_GreenInsideRedOutside(double value, Rag expected)
    {
        var target = new IndicatorTarget { Lower = 80, Upper = 90 };

        Assert.Equal(expected, IndicatorJudge.RagAgainst(target, value, null, null, Polarity.HighIsGood));
    }

    [Fact]
    public void RagAgainst_NoTarget_None()
    {
        Assert.Equal(Rag.None, IndicatorJudge.RagAgainst(null, 5, null, null, Polarity.LowIsGood));
    }
}
