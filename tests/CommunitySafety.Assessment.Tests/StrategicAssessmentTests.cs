using CommunitySafety.Areas;
using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Crime;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Tests;

public class StrategicAssessmentTests
{
    private static readonly DateTimeOffset When = new(2023, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Area PeerA = TestData.AreaOf("E06000045", "Southampton");
    private static readonly Area PeerB = TestData.AreaOf("E06000043", "Brighton and Hove");
    private static readonly Area PeerPartial = TestData.AreaOf("E06000046", "Isle of Wight");

    /// <summary>
    /// Portsmouth-like: 28,119 recorded crimes in 2022/23 on 214,000 residents (131.4 per 1,000); two complete peers with
    /// 20,000 on 180,000 and 24,400 on 220,000 (group rate 44,400 / 400,000 = 111.0 per 1,000); one peer with a partial year.
    /// </summary>
    internal static AssessmentData Data(int monthsInAssessmentYear = 12)
    {
        var area = TestData.Data(
            TestData.Portsmouth,
            TestData.Year("2017/18", 27_000, 214_000, asb: 9000),
            TestData.Year("2018/19", 27_500, 214_000, asb: 8800),
            TestData.Year("2019/20", 27_900, 214_000, asb: 8600),
            TestData.Year("2020/21", 22_000, 214_000, asb: 14_000),
            TestData.Year("2021/22", 28_000, 214_000, asb: 8000),
            TestData.Year("2022/23", 28_119, 214_000, monthsInAssessmentYear, asb: 7800));
        var national = TestData.Data(
            Area.EnglandAndWales,
            TestData.Year("2017/18", 5_600_000, 60_000_000),
            TestData.Year("2018/19", 5_500_000, 60_000_000),
            TestData.Year("2019/20", 5_450_000, 60_000_000),
            TestData.Year("2020/21", 4_800_000, 60_000_000),
            TestData.Year("2021/22", 5_400_000, 60_000_000),
            TestData.Year("2022/23", 5_400_000, 60_000_000));
        return new AssessmentData(
            area,
            national,
            [
                TestData.Data(PeerA, TestData.Year("2022/23", 20_000, 180_000)),
                TestData.Data(PeerB, TestData.Year("2022/23", 24_400, 220_000)),
                TestData.Data(PeerPartial, TestData.Year("2022/23", 5000, 140_000, months: 7)),
            ],
            ["test data"]);
    }

    internal static AssessmentRequest Request(string year = "2022/23") => new()
    {
        Year = TestData.Fy(year),
        PeerGroup = new PeerGroup(TestData.Portsmouth.Code, [PeerA.Code, PeerB.Code, PeerPartial.Code], "test peer group", new Dictionary<AreaCode, double>()),
    };

    internal static AssessmentResult Run(AssessmentData? data = null, AssessmentRequest? request = null, AssessmentSettings? settings = null) =>
        StrategicAssessment.Assess(request ?? Request(), data ?? Data(), settings ?? AssessmentSettings.Default with { Sensitivity = SensitivitySettings.Default with { Draws = 500 } }, When);

    [Fact]
    public void Assess_ReferenceReportSentence_IsReproducedFromGroupRate()
    {
        // The reference report compared without any allowance for overdispersion.
        var result = Run(settings: AssessmentSettings.Default with { Overdispersion = OverdispersionMethod.None, Sensitivity = SensitivitySettings.Default with { Draws = 500 } });

        var all = result.Benchmarks[0];
        Assert.Equal(StrategicAssessment.AllRecordedCrime, all.CrimeType);
        Assert.Equal(28_119, all.Count);
        Assert.Equal(28_119 / 214_000.0 * 1000, all.Rate!.Value, 9);
        Assert.Equal(44_400, all.PeerCount);
        Assert.Equal(400_000, all.PeerPopulation);
        Assert.Equal(111.0, all.PeerRate!.Value, 9);
        Assert.Equal(ComparisonOutcome.Worse, all.VsPeers);
        var message = Assert.Single(result.KeyMessages, m => m.Rule == "rate-vs-peers");
        Assert.Equal(
            "There were 28,119 police recorded crimes in Portsmouth during 2022/23, which equates to a crime rate of 131 per 1,000 residents and is higher than the average for similar areas (111 per 1,000; 18% higher).",
            message.Text);
    }

    [Fact]
    public void Assess_PeerWithPartialYear_IsLeftOutOfTheGroupWithTheReason()
    {
        var result = Run();

        var partial = Assert.Single(result.PeerGroup.Members, m => m.Code == PeerPartial.Code.Value);
        Assert.False(partial.Included);
        Assert.StartsWith("partial year in the store: 7 of 12 months; load Hampshire Constabulary's police.uk street files for 2022-04 to 2023-03", partial.ExcludedReason, StringComparison.Ordinal);
        Assert.Equal(3, result.Benchmarks[0].GroupSize);
        Assert.Equal(3, result.Benchmarks[0].RankInGroup); // highest rate of the three: 131 > 122 (B) > 111 (A)
    }

    [Fact]
    public void Assess_RecordedCrime_ExcludesAntiSocialBehaviour()
    {
        var result = Run();

        var asb = result.Benchmarks.Single(b => b.CrimeType == CrimeType.AntiSocialBehaviour.Name);
        Assert.Equal(7800, asb.Count);
        Assert.Equal(28_119, result.Benchmarks[0].Count);
        Assert.Equal(CrimeType.Current.Count, result.Matrix.Rows.Count);
    }

    [Fact]
    public void Assess_DefaultBaseline_IsThreeYearsBackAndChangeUsesTheEngine()
    {
        var result = Run();

        Assert.Equal("2019/20", result.Baseline);
        var change = result.Trends[0].SinceBaseline!;
        var engine = PeriodChange.ForRates(27_900, 214_000, 28_119, 214_000, Polarity.LowIsGood, 1000);
        Assert.Equal(engine.PValue, change.PValue);
        Assert.Equal(engine.Direction, change.Direction);
        Assert.Equal(219, change.CountChange);
        Assert.Equal(100.0 * 219 / 27_900, change.CountPercentChange!.Value, 9);
    }

    [Fact]
    public void Assess_BaselineWouldBeUnreliableYear_MovesBackAndSaysWhy()
    {
        var data = Data();
        data = data with
        {
            Area = data.Area with { Years = [.. data.Area.Years, TestData.Year("2023/24", 28_500, 214_000)] },
        };

        var result = Run(data, Request("2023/24") with { PeerGroup = null });

        Assert.Equal("2019/20", result.Baseline);
        Assert.Contains(result.Notes, n => n.StartsWith("Baseline 2019/20: the nearer years were not usable (2020/21 flagged unreliable: COVID-19", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_ChosenUnreliableBaseline_IsNotComparedWithTheReason()
    {
        var result = Run(request: Request() with { Baseline = TestData.Fy("2020/21") });

        var change = result.Trends[0].SinceBaseline!;
        Assert.False(change.IsCompared);
        Assert.StartsWith("2020/21 is flagged unreliable (COVID-19", change.NotComparedReason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.KeyMessages, m => m.Rule == "overall-change");
    }

    [Fact]
    public void Assess_UnreliableYear_ShownWithReasonAndSteppedOverInTrend()
    {
        var result = Run();

        var trend = result.Trends[0];
        var year = trend.Years.Single(y => y.Year == "2020/21");
        Assert.Equal(YearStatus.Unreliable, year.Status);
        Assert.Contains("pandemic", year.Note, StringComparison.Ordinal);
        Assert.Equal("2017/18 to 2022/23, leaving out 2020/21 (unreliable); the five years are treated as equally spaced", trend.TrendNote);
        Assert.Equal(["2017/18", "2018/19", "2019/20", "2021/22", "2022/23"], trend.TrendYears);
        Assert.NotEqual(TrendMarker.CannotBeCalculated, trend.TrendMarker);
        Assert.Contains(result.KeyMessages, m => m.Rule == "data-caveats" && m.Text.Contains("2020/21 is left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_IndexAgainstNational_IsBasedOnTheBaselineYear()
    {
        var result = Run();

        var trend = result.Trends[0];
        Assert.Equal("2019/20", trend.IndexBaseYear);
        var base_ = trend.Years.Single(y => y.Year == "2019/20");
        Assert.Equal(100, base_.Index!.Value, 9);
        Assert.Equal(100, base_.NationalIndex!.Value, 9);
        var last = trend.Years[^1];
        Assert.Equal(100.0 * 28_119 / 27_900, last.Index!.Value, 9);
        Assert.Equal(100.0 * 5_400_000 / 5_450_000, last.NationalIndex!.Value, 9);
    }

    [Fact]
    public void Assess_PartialAssessmentYear_IsReportedAsPartialAndNeverCompared()
    {
        var result = Run(Data(monthsInAssessmentYear: 7));

        Assert.Equal(YearStatus.Partial, result.YearStatus);
        var last = result.Trends[0].Years[^1];
        Assert.Equal(YearStatus.Partial, last.Status);
        Assert.Equal("7 of 12 months", last.Note);
        Assert.Null(last.Rate);
        Assert.All(result.Trends, t => Assert.False(t.SinceLastYear!.IsCompared));
        Assert.All(result.Trends, t => Assert.False(t.SinceBaseline!.IsCompared));
        Assert.All(result.Benchmarks, b => Assert.Equal(ComparisonOutcome.NotCompared, b.VsPeers));
        Assert.All(result.Benchmarks, b => Assert.Equal("2022/23 is a partial year (7 of 12 months)", b.NotComparedReason));
        Assert.DoesNotContain(result.KeyMessages, m => m.Rule is "rate-vs-peers" or "overall-change" or "largest-share");
        Assert.Contains(result.KeyMessages, m => m.Text.StartsWith("Figures for 2022/23 cover 7 of 12 months", StringComparison.Ordinal));
        Assert.All(result.Matrix.Rows, r => Assert.True(r.Scores.Single(s => s.CriterionId == "volume").IsMissing));
    }

    [Fact]
    public void Assess_SameInputsAndSeed_GiveIdenticalJson()
    {
        var first = Run().ToJson();
        var second = Run().ToJson();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Assess_SavedResult_RoundTripsAndServesAsPrevious()
    {
        var result = Run();
        var loaded = AssessmentResult.FromJson(result.ToJson(), "saved.json");

        Assert.Equal(result.Matrix.Rows.Select(r => (r.CrimeType, r.Rank, r.Total)), loaded.Matrix.Rows.Select(r => (r.CrimeType, r.Rank, r.Total)));
        Assert.Equal(result.Methodology.Matrix.Criteria.Select(c => c.Weight), loaded.Methodology.Matrix.Criteria.Select(c => c.Weight));
        Assert.Equal(result.Methodology.HarmWeights, loaded.Methodology.HarmWeights);

        var next = Run(request: Request() with { Previous = loaded with { Year = "2019/20" } });
        Assert.NotNull(next.ChangeSincePrevious);
        Assert.True(next.ChangeSincePrevious.TopPrioritiesUnchanged);
        Assert.Contains(next.KeyMessages, m => m.Text == "There was no change in the 5 highest-scoring crime types compared with 2019/20.");
    }

    [Fact]
    public void Assess_Methodology_EmbedsEverySetting()
    {
        var result = Run();

        Assert.Equal(MatrixDefinition.Default.Name, result.Methodology.Matrix.Name);
        Assert.Equal(CrimeType.Current.Count, result.Methodology.HarmWeights.Count);
        Assert.Contains("Crime Severity Score", result.Methodology.HarmWeightsNotes, StringComparison.Ordinal);
        Assert.Equal("2020/21", Assert.Single(result.Methodology.UnreliableYears).Year);
        Assert.Equal(500, result.Methodology.Sensitivity.Draws);
        Assert.Equal("test peer group", result.Methodology.PeerGroupMethod);
        Assert.Contains(result.Methodology.Statistics, s => s.Contains("Byar", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_Funnel_HasAPointPerAreaAroundTheGroupRate()
    {
        var result = Run();

        var points = result.Funnel.Where(p => p.CrimeType == StrategicAssessment.AllRecordedCrime).ToArray();
        Assert.Equal(3, points.Length);
        var own = Assert.Single(points, p => p.IsAssessedArea);
        var limits = FunnelPlot.RateLimits(111.0, 214_000, 1000);
        Assert.Equal(limits.Upper998, own.UnadjustedUpper998, 9);
        Assert.Equal(FunnelPosition.High998, own.UnadjustedPosition);
        Assert.Equal(FunnelPosition.High998, result.Benchmarks[0].FunnelPositionUnadjusted);
        Assert.Equal(ComparisonOutcome.Worse, result.Benchmarks[0].VsPeersUnadjusted);

        // The three areas differ far beyond chance (φ found), so the default additive allowance widens the limits.
        Assert.Equal(OverdispersionMethod.AdditiveRandomEffects, result.Benchmarks[0].OverdispersionApplied);
        Assert.True(own.Upper998 > own.UnadjustedUpper998);
        Assert.Equal(result.Benchmarks[0].FunnelPosition, own.Position);
    }

    [Fact]
    public void Assess_FunnelWithoutAllowance_IsTheExactLimits()
    {
        var result = Run(settings: AssessmentSettings.Default with { Overdispersion = OverdispersionMethod.None, Sensitivity = SensitivitySettings.Default with { Draws = 100 } });

        var own = Assert.Single(result.Funnel, p => p.IsAssessedArea && p.CrimeType == StrategicAssessment.AllRecordedCrime);
        var limits = FunnelPlot.RateLimits(111.0, 214_000, 1000);
        Assert.Equal(limits.Upper998, own.Upper998, 9);
        Assert.Equal(FunnelPosition.High998, own.Position);
        Assert.Equal(FunnelPosition.High998, result.Benchmarks[0].FunnelPosition);
    }

    [Fact]
    public void Assess_Harm_WeightsCountsAndExcludesAsb()
    {
        var result = Run();

        var expected = CrimeType.Current.Sum(t => Data().Area.For(TestData.Fy("2022/23"))!.CountOf(t) * HarmWeights.Default.For(t)!.Weight);
        Assert.Equal(expected, result.Harm.TotalHarm, 6);
        Assert.Equal(expected / 214_000 * 1000, result.Harm.HarmRatePer1000!.Value, 9);
        Assert.Equal(0, result.Harm.Rows.Single(r => r.CrimeType == CrimeType.AntiSocialBehaviour.Name).Harm);
        Assert.Equal(100, result.Harm.Rows.Sum(r => r.HarmSharePercent ?? 0), 9);
    }

    [Fact]
    public void Assess_IncludeAreaInPeerRate_AddsItToTheSums()
    {
        var result = Run(settings: AssessmentSettings.Default with { IncludeAreaInPeerRate = true, Sensitivity = SensitivitySettings.Default with { Draws = 10 } });

        Assert.Equal(44_400 + 28_119, result.Benchmarks[0].PeerCount);
        Assert.True(result.PeerGroup.IncludesAssessedArea);
        Assert.Equal(3, result.Benchmarks[0].GroupSize);
    }
}

public class StrategicAssessmentFunnelTests
{
    [Fact]
    public void Assess_FunnelForRecordedCrimeOnly_LeavesOtherFiguresUnchanged()
    {
        var full = StrategicAssessmentTests.Run();
        var lean = StrategicAssessmentTests.Run(settings: AssessmentSettings.Default with
        {
            FunnelForEachCrimeType = false,
            Sensitivity = SensitivitySettings.Default with { Draws = 500 },
        });

        Assert.All(lean.Funnel, p => Assert.Equal(StrategicAssessment.AllRecordedCrime, p.CrimeType));
        Assert.Equal(full.Funnel.Where(p => p.CrimeType == StrategicAssessment.AllRecordedCrime), lean.Funnel);
        Assert.Equal(full.Benchmarks, lean.Benchmarks);
        Assert.Equal(full.Matrix.Rows.Select(r => r.Total), lean.Matrix.Rows.Select(r => r.Total));
    }
}
