using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Crime;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Tests.Matrix;

public class ScoringMatrixTests
{
    private static readonly RateOptions PerThousand = RateOptions.Default with { Multiplier = 1000 };

    private static MatrixDefinition TwoCriteria(double volumeWeight = 1, double harmWeight = 1, int topN = 1) => new()
    {
        Name = "test",
        TopN = topN,
        Criteria =
        [
            new MatrixCriterion
            {
                Id = "volume", Name = "Volume", Kind = CriterionKind.Volume, Weight = volumeWeight, Measure = VolumeMeasure.Count,
                Bands = [new(null, 1), new(100, 3), new(1000, 5)],
            },
            new MatrixCriterion
            {
                Id = "harm", Name = "Harm", Kind = CriterionKind.Harm, Weight = harmWeight,
                Bands = [new(null, 1), new(50, 3), new(200, 5)],
            },
        ],
    };

    private static CrimeTypeEvidence Evidence(CrimeType type, long count, double harm) =>
        new() { CrimeType = type, Count = count, Harm = new HarmWeight(type, harm, "test") };

    /// <summary>The worked example's evidence: 12.4 per 1,000, up a significant 15% on the 12 months before, Similar to its peers, harm 150.</summary>
    private static CrimeTypeEvidence WorkedExample(CrimeType type) => new()
    {
        CrimeType = type,
        Count = 124,
        Population = 10_000,
        Rate = CrudeRate.Calculate(124, 10_000, PerThousand),
        Rolling = new RateContrast("Jan 2021–Dec 2021", 1000, 100_000, "Jan 2022–Dec 2022", 1150, 100_000),
        PeerGroupRate = 12.0,
        Harm = new HarmWeight(type, 150, "test"),
    };

    [Fact]
    public void Score_DefaultMatrixWorkedExample_TotalsTwentySix()
    {
        // The worked example in ScoringMatrix's remarks, by hand:
        // volume 12.4 per 1,000 (band from 10) = 5; trend +15% significant (band from 10%) = 5;
        // benchmarking Similar = 3; personal harm 150 (band from 100) = 4; partnership 4, 3 and 2. Total 26.
        var type = CrimeType.ViolenceAndSexualOffences;
        var partnership = new PartnershipScores(
            new Dictionary<(CrimeType, string), PartnershipScore>
            {
                [(type, "publicConcern")] = new(4, "survey"),
                [(type, "disproportionateImpact")] = new(3, string.Empty),
                [(type, "drugAlcoholLink")] = new(2, string.Empty),
            },
            "test");

        var result = ScoringMatrix.Score(MatrixDefinition.Default, [WorkedExample(type)], partnership);

        var row = Assert.Single(result.Rows);
        Assert.Equal([5, 5, 3, 4, 4, 3, 2], row.Scores.Select(s => s.Score));
        Assert.Equal(26, row.Total);
        Assert.Equal(1, row.Rank);
        Assert.All(row.Scores, s => Assert.False(s.IsMissing));
        Assert.All(result.Criteria, c => Assert.True(c.IsScored));
        Assert.Equal(1.0, result.ScoredWeightShare);
        Assert.Contains("Jan 2022–Dec 2022 against Jan 2021–Dec 2021", row.Scores[1].Evidence, StringComparison.Ordinal);
        Assert.StartsWith("Jan 2022–Dec 2022 against Jan 2021–Dec 2021", result.TrendPeriods, StringComparison.Ordinal);
        Assert.Contains("Similar", row.Scores[2].Evidence, StringComparison.Ordinal);
        Assert.Contains("survey", row.Scores[3].Evidence, StringComparison.Ordinal);
        Assert.Equal("The ranking rests on 7 of the 7 criteria (volume, trend, benchmarking, public concern, personal harm, disproportionate impact and drug/alcohol link).", result.Basis);
    }

    [Fact]
    public void Score_NoPartnershipFile_ItsCriteriaAreNotScoredAndTheirWeightIsShared()
    {
        // Without the partnership's file public concern, disproportionate impact (no deprivation evidence either) and
        // drug/alcohol link are not scored. The other four (5, 5, 3, 4) carry the weight of all seven: 7/4 each, so the
        // total is 7/4 × 17 = 29.75 (the worked example in ScoringMatrix's remarks).
        var result = ScoringMatrix.Score(MatrixDefinition.Default, [WorkedExample(CrimeType.ViolenceAndSexualOffences)], PartnershipScores.None);

        var row = Assert.Single(result.Rows);
        Assert.Equal(29.75, row.Total, 12);
        Assert.Equal([5, 5, 3, 0, 4, 0, 0], row.Scores.Select(s => s.Score));
        Assert.Equal([false, false, false, true, false, true, true], row.Scores.Select(s => s.IsMissing));
        Assert.Equal([1.75, 1.75, 1.75, 0, 1.75, 0, 0], row.Scores.Select(s => s.Weight));
        Assert.Equal(4 / 7.0, result.ScoredWeightShare, 12);
        Assert.Equal(["publicConcern", "disproportionateImpact", "drugAlcoholLink"], result.NotScored.Select(c => c.Id));
        Assert.Equal(
            "Public concern: not scored — no partnership scores given; add a publicConcern column to the partnership scores file with a score for every crime type (csp assess --scores <file>).",
            result.Criteria[3].Text);
        Assert.StartsWith("Disproportionate impact: not scored — no deprivation evidence was loaded; import the English Indices of Deprivation", result.Criteria[5].Text, StringComparison.Ordinal);
        Assert.Equal(
            "The ranking rests on 4 of the 7 criteria (volume, trend, benchmarking and personal harm); not scored: public concern, disproportionate impact and drug/alcohol link, whose weight is shared over the scored criteria.",
            result.Basis);
    }

    [Fact]
    public void Score_UnequalWeights_NotScoredWeightIsSharedInProportionToTheScoredWeights()
    {
        // Weights 2 (volume), 1 (harm) and 3 (public concern, not scored): Σ = 6, scored Σ = 3, so volume counts 2 × 6/3 = 4
        // and harm 1 × 6/3 = 2. Burglary 1,200 (5) and harm 150 (3): 4×5 + 2×3 = 26; Robbery 90 (1) and 300 (5): 4 + 10 = 14.
        var matrix = TwoCriteria(volumeWeight: 2) with
        {
            Criteria = [.. TwoCriteria(volumeWeight: 2).Criteria, new MatrixCriterion { Id = "publicConcern", Name = "Public concern", Kind = CriterionKind.Partnership, Weight = 3 }],
        };

        var result = ScoringMatrix.Score(matrix, [Evidence(CrimeType.Robbery, 90, 300), Evidence(CrimeType.Burglary, 1200, 150)], PartnershipScores.None);

        Assert.Equal([26.0, 14.0], result.Rows.Select(r => r.Total));
        Assert.Equal([4.0, 2.0, 0.0], result.Criteria.Select(c => c.EffectiveWeight));
        Assert.Equal(0.5, result.ScoredWeightShare);
    }

    [Fact]
    public void Score_PartialPartnershipColumn_IsNotScoredForAnyCrimeTypeAndNamesThoseMissing()
    {
        var matrix = TwoCriteria() with
        {
            Criteria = [.. TwoCriteria().Criteria, new MatrixCriterion { Id = "publicConcern", Name = "Public concern", Kind = CriterionKind.Partnership }],
        };
        var partnership = new PartnershipScores(new Dictionary<(CrimeType, string), PartnershipScore> { [(CrimeType.Burglary, "publicConcern")] = new(5, "survey") }, "scores.csv");

        var result = ScoringMatrix.Score(matrix, [Evidence(CrimeType.Robbery, 90, 300), Evidence(CrimeType.Burglary, 1200, 150), Evidence(CrimeType.Drugs, 500, 8)], partnership);

        var status = result.Criteria[2];
        Assert.False(status.IsScored);
        Assert.Equal(["Robbery", "Drugs"], status.CrimeTypesWithoutEvidence);
        Assert.Equal(
            "Public concern: not scored — the partnership scores file gives it for 1 of 3 crime types (not for Robbery, Drugs), and a score for some crime types only would rank the others on fewer criteria; give a score for every crime type in the publicConcern column of the partnership scores file, or remove the column.",
            status.Text);
        var burglary = result.Rows.Single(r => r.CrimeType == "Burglary").Scores[2];
        Assert.True(burglary.IsMissing);
        Assert.Equal(0, burglary.WeightedScore);
        Assert.Contains("would score 5", burglary.Evidence, StringComparison.Ordinal);

        // Burglary 5 + 3 = 8 on the two scored criteria, × 3/2 = 12: the entered 5 adds nothing.
        Assert.Equal(12, result.Rows.Single(r => r.CrimeType == "Burglary").Total, 12);
    }

    [Fact]
    public void Score_NoCriterionScored_HasNoRankingAndNoTopPriorities()
    {
        var matrix = new MatrixDefinition { Name = "x", Criteria = [new MatrixCriterion { Id = "publicConcern", Name = "Public concern", Kind = CriterionKind.Partnership }] };

        var result = ScoringMatrix.Score(matrix, [new CrimeTypeEvidence { CrimeType = CrimeType.Burglary }, new CrimeTypeEvidence { CrimeType = CrimeType.Drugs }], PartnershipScores.None);

        Assert.False(result.IsRanked);
        Assert.Empty(result.TopPriorities);
        Assert.Equal("No criterion could be scored (public concern): there is no ranking.", result.Basis);
        var sensitivity = RankingSensitivity.Analyse(matrix, result, SensitivitySettings.Default with { Draws = 10 });
        Assert.All(sensitivity.Rows, r => Assert.Equal("Not ranked: no criterion could be scored", r.Robustness));
    }

    [Fact]
    public void Score_HandWorkedThreeTypes_RanksByWeightedTotal()
    {
        // Volume weight 2, harm weight 1.
        // Burglary: 1,200 (5) and harm 150 (3): 2×5 + 3 = 13.
        // Robbery: 90 (1) and harm 300 (5): 2×1 + 5 = 7.
        // Shoplifting: 500 (3) and harm 8 (1): 2×3 + 1 = 7.
        var matrix = TwoCriteria(volumeWeight: 2);
        var result = ScoringMatrix.Score(
            matrix,
            [Evidence(CrimeType.Robbery, 90, 300), Evidence(CrimeType.Burglary, 1200, 150), Evidence(CrimeType.Shoplifting, 500, 8)],
            PartnershipScores.None);

        Assert.Equal(["Burglary", "Robbery", "Shoplifting"], result.Rows.Select(r => r.CrimeType));
        Assert.Equal([13.0, 7.0, 7.0], result.Rows.Select(r => r.Total));
        Assert.Equal([1, 2, 2], result.Rows.Select(r => r.Rank));
        Assert.Equal(["Burglary"], result.TopPriorities);
    }

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(99.99, 1)]
    [InlineData(100, 3)]
    [InlineData(999, 3)]
    [InlineData(1000, 5)]
    [InlineData(1e9, 5)]
    public void Band_ValueOnAndAroundBoundaries_TakesLastBandAtOrBelow(double value, int expected)
    {
        var (score, _) = ScoringMatrix.Band([new(null, 1), new(100, 3), new(1000, 5)], value);
        Assert.Equal(expected, score);
    }

    [Fact]
    public void Band_ValueBelowFirstBoundedBand_TakesFirstBand()
    {
        var (score, _) = ScoringMatrix.Band([new(10, 2), new(20, 4)], 3);
        Assert.Equal(2, score);
    }

    [Fact]
    public void ScoreCriterion_PartialYear_IsNotScoredAndSaysWhy()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "volume");
        var evidence = new CrimeTypeEvidence
        {
            CrimeType = CrimeType.Burglary,
            Count = 700,
            Rate = CrudeRate.Calculate(700, 100_000, PerThousand),
            MonthsWithData = 7,
        };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.True(score.IsMissing);
        Assert.Equal(0, score.Score);
        Assert.Equal(0, score.WeightedScore);
        Assert.Contains("7 of 12 months", score.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreCriterion_ChangeNotSignificant_ScoresNotSignificantScoreWhateverThePercentage()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "trend");

        // 173 → 192 on the same population: +11%, p = 0.346 (the statistics engine's worked example).
        var rolling = new RateContrast("Jan 2024–Dec 2024", 173, 100_000, "Jan 2025–Dec 2025", 192, 100_000);
        var change = rolling.Compare();
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Robbery, Rolling = rolling };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.False(change.IsSignificant);
        Assert.Equal(3, score.Score);
        Assert.Equal("rate +11.0% (Jan 2025–Dec 2025 against Jan 2024–Dec 2024), not significant (p = 0.346): scores 3", score.Evidence);
    }

    [Fact]
    public void ScoreCriterion_SignificantFall_ScoresLowBand()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "trend");
        var rolling = new RateContrast("Jan 2024–Dec 2024", 2000, 100_000, "Jan 2025–Dec 2025", 1500, 100_000); // −25%, significant
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Burglary, Rolling = rolling };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.Equal(1, score.Score);
        Assert.Equal(-25, score.Value!.Value, 9);
    }

    [Fact]
    public void ScoreCriterion_TrendAgainstUnreliableBaseline_IsNotScoredWithTheReason()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "trend") with { TrendAgainst = TrendAgainst.Baseline };
        var change = ChangeResult.NotCompared("2020/21", "2022/23", 800, 1000, "2020/21 is flagged unreliable (pandemic)");
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Burglary, SinceBaseline = change };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.True(score.IsMissing);
        Assert.Equal(0, score.Score);
        Assert.Contains("pandemic", score.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreCriterion_NoRollingPeriods_IsNotScoredWithTheStoresReason()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "trend");
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Burglary, RollingNote = "the longest run of consecutive months with data up to March 2020 is 8 months; two complete 12-month periods need 24" };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.True(score.IsMissing);
        Assert.Equal("not scored: the longest run of consecutive months with data up to March 2020 is 8 months; two complete 12-month periods need 24", score.Evidence);
    }

    [Fact]
    public void ScoreCriterion_SignificantRiseFromNone_IsAboveEveryBand()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "trend");
        var rolling = new RateContrast("Jan 2024–Dec 2024", 0, 100_000, "Jan 2025–Dec 2025", 12, 100_000);
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Burglary, Rolling = rolling };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.True(rolling.Compare().IsSignificant);
        Assert.Equal(5, score.Score);
        Assert.Null(score.Value);
        Assert.StartsWith("from 0 to 12 (Jan 2025–Dec 2025 against Jan 2024–Dec 2024), significant", score.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 300, 5)] // 10 against 30 per 1,000: ratio 3, significant → band from 3
    [InlineData(100, 210, 4)] // ratio 2.1 → band from 2
    [InlineData(100, 160, 3)] // ratio 1.6 → band from 1.5
    [InlineData(400, 300, 1)] // ratio 0.75, significantly lower → lowest band
    [InlineData(5, 8, 1)]     // ratio 1.6, not significant → the not-significant score, 1
    public void ScoreCriterion_Deprivation_ScoresTheSignificantRateRatioByBand(long leastCount, long mostCount, int expected)
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "disproportionateImpact");
        var contrast = new RateContrast("least deprived (deciles 9–10)", leastCount, 10_000, "most deprived (deciles 1–2)", mostCount, 10_000);
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Drugs, Deprivation = contrast };
        var change = contrast.Compare();

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.Equal(expected, score.Score);
        Assert.Equal((double)mostCount / leastCount, score.Value!.Value, 12);
        Assert.Contains(change.IsSignificant ? ", significant" : "not significant", score.Evidence, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, "95% CI {0:0.00}–", change.RateRatioLower95), score.Evidence, StringComparison.Ordinal);
        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, "most deprived (deciles 1–2): {0:0.0} per 1,000 residents against least deprived (deciles 9–10): {1:0.0}", mostCount / 10.0, leastCount / 10.0), score.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreCriterion_DeprivationGivenByThePartnership_UsesItsScoreInsteadOfTheEvidence()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "disproportionateImpact");
        var contrast = new RateContrast("least", 100, 10_000, "most", 300, 10_000);
        var partnership = new PartnershipScores(new Dictionary<(CrimeType, string), PartnershipScore> { [(CrimeType.Drugs, "disproportionateImpact")] = new(2, "victim survey") }, "scores.csv");

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, new CrimeTypeEvidence { CrimeType = CrimeType.Drugs, Deprivation = contrast }, partnership);

        Assert.Equal(2, score.Score);
        Assert.Equal("entered by the partnership: victim survey", score.Evidence);
    }

    [Theory]
    [InlineData(1000, 1.0)] // far below 12 per 1,000 → Best
    [InlineData(1150, 2.0)] // 11.5 (95% CI 10.8–12.2) below 12.5: Better, but not at 99.8% → 2
    [InlineData(1200, 3.0)] // Similar
    [InlineData(1450, 5.0)] // far above → Worst
    public void ScoreCriterion_Benchmark_ScoresTheEnginesTwoLevelOutcome(long count, double expected)
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "benchmarking");
        var rate = CrudeRate.Calculate(count, 100_000, PerThousand);
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Burglary, Rate = rate, PeerGroupRate = count == 1150 ? 12.5 : 12.0 };
        var outcome = BenchmarkComparison.Compare(rate, evidence.PeerGroupRate, Polarity.LowIsGood, ComparisonMethod.ConfidenceInterval95And998);

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.Equal(expected, score.Score);
        Assert.Contains(outcome.ToLabel(), score.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreCriterion_PartnershipScoreNotEntered_IsNotScored()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "publicConcern");
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Drugs };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.True(score.IsMissing);
        Assert.Equal(0, score.Score);
        Assert.Equal("not scored: no partnership scores given", score.Evidence);
    }

    [Fact]
    public void CompetitionRanks_Ties_ShareRankAndSkipNext()
    {
        Assert.Equal([1, 2, 2, 4], Ranking.CompetitionRanks([10.0, 8, 8, 5]));
        Assert.Equal([3, 1, 1], Ranking.CompetitionRanks([1.0, 2, 2]));
    }
}
