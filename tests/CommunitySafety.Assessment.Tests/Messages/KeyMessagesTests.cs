using System.Globalization;
using CommunitySafety.Assessment.Messages;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Tests.Messages;

public class KeyMessagesTests
{
    // The rules' wording on the unadjusted comparison; the wording with an allowance for overdispersion is in OverdispersedComparisonTests.
    private static readonly AssessmentResult Base = StrategicAssessmentTests.Run(settings: AssessmentSettings.Default with
    {
        Overdispersion = OverdispersionMethod.None,
        Sensitivity = SensitivitySettings.Default with { Draws = 500 },
    });

    private static AssessmentResult WithAll(Func<BenchmarkRow, BenchmarkRow> change) =>
        Base with { Benchmarks = [change(Base.Benchmarks[0]), .. Base.Benchmarks.Skip(1)] };

    private static AssessmentResult WithAllTrend(Func<CrimeTrend, CrimeTrend> change) =>
        Base with { Trends = [change(Base.Trends[0]), .. Base.Trends.Skip(1)] };

    [Fact]
    public void RateVsPeers_Similar_SaysNotSignificantlyDifferentWithoutPercentage()
    {
        var r = WithAll(b => b with { VsPeers = ComparisonOutcome.Similar, PeerRate = 128.6 });

        var m = KeyMessages.RateVsPeers(r)!;

        Assert.EndsWith("is not significantly different from the average for similar areas (129 per 1,000).", m.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RateVsPeers_Better_SaysLowerWithPercentage()
    {
        var r = WithAll(b => b with { Rate = 90, VsPeers = ComparisonOutcome.Better, PeerRate = 100 });

        Assert.EndsWith("a crime rate of 90 per 1,000 residents and is lower than the average for similar areas (100 per 1,000; 10% lower).", KeyMessages.RateVsPeers(r)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RateVsPeers_NoPeerGroupOrNotCompared_IsNotStated()
    {
        Assert.Null(KeyMessages.RateVsPeers(WithAll(b => b with { PeerRate = null, VsPeers = ComparisonOutcome.NotCompared })));
        Assert.Null(KeyMessages.RateVsPeers(WithAll(b => b with { VsPeers = ComparisonOutcome.NotCompared })));
    }

    [Fact]
    public void RateVsNational_Worse_GivesBothRatesAndPercentage()
    {
        var m = KeyMessages.RateVsNational(Base)!;

        Assert.Equal("Portsmouth's recorded crime rate in 2022/23 (131 per 1,000) is higher than the rate for England and Wales (90 per 1,000; 46% higher).", m.Text);
    }

    [Fact]
    public void OverallChange_NotSignificant_SaysStableWithCountsAndPercent()
    {
        var m = KeyMessages.OverallChange(Base)!;

        Assert.StartsWith("Overall levels of recorded crime have remained stable compared with 2019/20 (from 27,900 to 28,119, +1%, not a significant change).", m.Text, StringComparison.Ordinal);
        Assert.EndsWith("Nationally, recorded crime fell significantly over the same period (England and Wales −1%).", m.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OverallChange_SignificantRiseLikeNational_SaysConsistent()
    {
        var rise = ChangeResult.Compare("2019/20", "2022/23", 25_000, 214_000, 28_119, 214_000);
        var nationalRise = ChangeResult.Compare("2019/20", "2022/23", 5_000_000, 60e6, 5_400_000, 60e6);
        var r = WithAllTrend(t => t with { SinceBaseline = rise, NationalSinceBaseline = nationalRise });

        var m = KeyMessages.OverallChange(r)!;

        Assert.Equal(
            "Overall recorded crime has increased significantly compared with 2019/20 (from 25,000 to 28,119, +12%). This is consistent with the national picture (England and Wales +8%).",
            m.Text);
    }

    [Fact]
    public void TrendVsNational_DifferentDirections_NamesBothAndTheLeftOutYear()
    {
        var m = KeyMessages.TrendVsNational(Base)!;

        Assert.Equal(
            "The trend in recorded crime from 2017/18 to 2022/23 (without 2020/21) is increasing and getting worse, while in England and Wales it is decreasing and getting better.",
            m.Text);
    }

    [Fact]
    public void TrendVsNational_CannotBeCalculated_IsNotStated()
    {
        Assert.Null(KeyMessages.TrendVsNational(WithAllTrend(t => t with { TrendMarker = TrendMarker.CannotBeCalculated, TrendYears = [] })));
    }

    [Fact]
    public void SignificantChanges_OnlySignificantOnesListedLargestFirst()
    {
        var up = ChangeResult.Compare("2019/20", "2022/23", 1000, 214_000, 1300, 214_000);       // +30%, significant
        var upMore = ChangeResult.Compare("2019/20", "2022/23", 500, 214_000, 800, 214_000);     // +60%, significant
        var notSig = ChangeResult.Compare("2019/20", "2022/23", 100, 214_000, 110, 214_000);     // +10%, not significant
        var trends = Base.Trends.ToArray();
        trends[3] = trends[3] with { SinceBaseline = up };      // Burglary
        trends[5] = trends[5] with { SinceBaseline = upMore };  // Drugs
        trends[10] = trends[10] with { SinceBaseline = notSig }; // Robbery
        var r = Base with { Trends = trends };

        var m = KeyMessages.SignificantChanges(r, Direction.Higher)!;

        Assert.Equal(
            "There have been statistically significant increases since 2019/20 in drugs (from 500 to 800, +60%) and burglary (from 1,000 to 1,300, +30%).",
            m.Text);
        Assert.Null(KeyMessages.SignificantChanges(Base, Direction.Higher));
    }

    [Fact]
    public void LargestShare_GivesPercentAndCounts()
    {
        Assert.Equal(
            "Violence and sexual offences is the largest category of recorded crime, accounting for 40% of crimes recorded by police in 2022/23 (11,247 of 28,119).",
            KeyMessages.LargestShare(Base)!.Text);
    }

    [Fact]
    public void HarmConcentration_HarmShareNotAboveCountShare_IsNotStated()
    {
        var rows = Base.Harm.Rows.ToArray();
        rows[0] = rows[0] with { HarmSharePercent = 30, CountSharePercent = 40 };
        Assert.Null(KeyMessages.HarmConcentration(Base with { Harm = Base.Harm with { Rows = rows } }));
        Assert.Equal(
            "Weighted by harm, violence and sexual offences accounts for an estimated 70% of the harm from recorded crime, against 40% of the number of crimes (11,247). "
            + "This is an estimate: each crime category is given one average seriousness weight (from the ONS Crime Severity Score), and each category mixes minor and serious offences.",
            KeyMessages.HarmConcentration(Base)!.Text);
    }

    [Fact]
    public void TopPriorities_FragilePlace_SaysItDependsOnTheWeights()
    {
        // Base's ranking rests on 3 of the 7 criteria (no rolling trend, deprivation or partnership scores), too few for any
        // place to be called robust: the robust places are set here, as a ranking on enough criteria would give them.
        var rows = Base.Sensitivity.Rows.Select(s => s.TopNShare >= 0.9 ? s with { Robustness = RankingSensitivity.RobustPriority } : s).ToArray();
        var i = Array.FindIndex(rows, s => s.CrimeType == "Other crime");
        rows[i] = rows[i] with { TopNShare = 0.55, Robustness = "Depends on the weights" };
        var r = Base with { Sensitivity = Base.Sensitivity with { Rows = rows, RestsOnEnoughCriteria = true, Varied = "weights" } };

        var m = KeyMessages.TopPriorities(r)!;

        // Totals: the three scored criteria carry the weight of all seven (7/3 each).
        Assert.StartsWith("The highest-scoring crime types in the priority matrix are violence and sexual offences (35), burglary (32.7), possession of weapons (32.7), robbery (32.7) and other crime (30.3).", m.Text, StringComparison.Ordinal);
        Assert.Contains("Violence and sexual offences, burglary, possession of weapons and robbery stay in the top 5 in at least 90% of 500 variations of the weights (±50%).", m.Text, StringComparison.Ordinal);
        Assert.EndsWith("The place of other crime (55% of draws) depends on the weights.", m.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeSincePrevious_NoPreviousResult_IsNotStated()
    {
        Assert.Null(KeyMessages.ChangeSincePreviousAssessment(Base));
    }

    [Fact]
    public void DataCaveats_CompleteYearWithoutUnreliableYears_IsNotStated()
    {
        var r = WithAllTrend(t => t with { Years = [.. t.Years.Where(y => y.Status != YearStatus.Unreliable)] });
        Assert.Null(KeyMessages.DataCaveats(r));
    }

    [Fact]
    public void Generate_EveryMessage_ComesFromANamedRule()
    {
        var ids = KeyMessages.Rules.Select(r => r.Id).ToHashSet();
        Assert.All(KeyMessages.Generate(Base), m => Assert.Contains(m.Rule, ids));
        Assert.Equal(ids.Count, KeyMessages.Rules.Count);
    }
}

public class KeyMessagesCultureTests
{
    [Fact]
    public void Generate_UnderGermanCulture_WritesTheSameEnglishNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = KeyMessages.Generate(StrategicAssessmentTests.Run()).Select(m => m.Text).ToArray();
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = KeyMessages.Generate(StrategicAssessmentTests.Run()).Select(m => m.Text).ToArray();

            Assert.Equal(invariant, german);
            Assert.Contains(german, t => t.Contains("28,119", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void TopPriorities_TooFewCriteria_NoPlaceIsCalledCertainAndEachShareIsGiven()
    {
        var result = StrategicAssessmentTests.Run(settings: AssessmentSettings.Default with { Overdispersion = OverdispersionMethod.None, Sensitivity = SensitivitySettings.Default with { Draws = 500 } });
        Assert.False(result.Sensitivity.RestsOnEnoughCriteria);
        var shares = result.Matrix.Rows.Where(m => m.IsTopPriority)
            .Select(m => $"{(m.CrimeType == "Violence and sexual offences" ? "violence and sexual offences" : m.CrimeType.ToLowerInvariant())} {Math.Round(100 * result.Sensitivity.Rows.Single(s => s.CrimeType == m.CrimeType).TopNShare, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)}%")
            .ToArray();

        var m = KeyMessages.TopPriorities(result)!;

        Assert.Contains(
            $"The ranking uses too few criteria for any place in it to be called certain. In 500 variations of the {result.Sensitivity.Varied}, the share in which each stayed in the top 5 was: "
            + string.Join(", ", shares[..^1]) + " and " + shares[^1] + ".",
            m.Text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("depends on", m.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TopPriorities_TiedTotalsBeyondN_SaysHowManyShareThePlaces()
    {
        var r = StrategicAssessmentTests.Run();
        var rows = r.Matrix.Rows.Select((m, i) => m with { Rank = i < 3 ? 1 : 4, IsTopPriority = i < 7, Total = i < 3 ? 30 : 20 }).ToArray();
        var tied = r with { Matrix = r.Matrix with { Rows = rows } };

        var m = KeyMessages.TopPriorities(tied)!;

        Assert.Contains(" Equal totals put 7 crime types in the top 5 places.", m.Text, StringComparison.Ordinal);
    }
}
