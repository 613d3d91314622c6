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

    [Fact]
    public void Score_DefaultMatrixWorkedExample_TotalsTwentySix()
    {
        // The worked example in ScoringMatrix's remarks, by hand:
        // volume 12.4 per 1,000 (band from 10) = 5; trend +15% significant (band from 10%) = 5;
        // benchmarking Similar = 3; personal harm 150 (band from 100) = 4; partnership 4, 3 and 2. Total 26.
        var type = CrimeType.ViolenceAndSexualOffences;
        var evidence = new CrimeTypeEvidence
        {
            CrimeType = type,
            Count = 124,
            Rate = CrudeRate.Calculate(124, 10_000, PerThousand),
            SinceBaseline = ChangeResult.Compare("2019/20", "2022/23", 1000, 100_000, 1150, 100_000),
            PeerGroupRate = 12.0,
            Harm = new HarmWeight(type, 150, "test"),
        };
        var partnership = new PartnershipScores(
            new Dictionary<(CrimeType, string), PartnershipScore>
            {
                [(type, "publicConcern")] = new(4, "survey"),
                [(type, "disproportionateImpact")] = new(3, string.Empty),
                [(type, "drugAlcoholLink")] = new(2, string.Empty),
            },
            "test");

        var result = ScoringMatrix.Score(MatrixDefinition.Default, [evidence], partnership);

        var row = Assert.Single(result.Rows);
        Assert.Equal([5, 5, 3, 4, 4, 3, 2], row.Scores.Select(s => s.Score));
        Assert.Equal(26, row.Total);
        Assert.Equal(1, row.Rank);
        Assert.All(row.Scores, s => Assert.False(s.IsMissing));
        Assert.Contains("Similar", row.Scores[2].Evidence, StringComparison.Ordinal);
        Assert.Contains("survey", row.Scores[3].Evidence, StringComparison.Ordinal);
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
    public void ScoreCriterion_PartialYear_UsesMissingScoreAndSaysWhy()
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
        Assert.Equal(3, score.Score);
        Assert.Contains("7 of 12 months", score.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreCriterion_ChangeNotSignificant_ScoresNotSignificantScoreWhateverThePercentage()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "trend");

        // 173 → 192 on the same population: +11%, p = 0.346 (the statistics engine's worked example).
        var change = ChangeResult.Compare("2019/20", "2022/23", 173, 100_000, 192, 100_000);
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Robbery, SinceBaseline = change };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.False(change.IsSignificant);
        Assert.Equal(3, score.Score);
        Assert.Contains("not significant", score.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreCriterion_SignificantFall_ScoresLowBand()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "trend");
        var change = ChangeResult.Compare("2019/20", "2022/23", 2000, 100_000, 1500, 100_000); // −25%, significant
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Burglary, SinceBaseline = change };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.Equal(1, score.Score);
        Assert.Equal(-25, score.Value!.Value, 9);
    }

    [Fact]
    public void ScoreCriterion_TrendAgainstUnreliableBaseline_IsMissingWithTheReason()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "trend");
        var change = ChangeResult.NotCompared("2020/21", "2022/23", 800, 1000, "2020/21 is flagged unreliable (pandemic)");
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Burglary, SinceBaseline = change };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.True(score.IsMissing);
        Assert.Contains("pandemic", score.Evidence, StringComparison.Ordinal);
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
    public void ScoreCriterion_PartnershipScoreNotEntered_IsMissingMiddleScore()
    {
        var criterion = MatrixDefinition.Default.Criteria.Single(c => c.Id == "publicConcern");
        var evidence = new CrimeTypeEvidence { CrimeType = CrimeType.Drugs };

        var score = ScoringMatrix.ScoreCriterion(MatrixDefinition.Default, criterion, evidence, PartnershipScores.None);

        Assert.True(score.IsMissing);
        Assert.Equal(3, score.Score);
        Assert.Contains("not entered", score.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void CompetitionRanks_Ties_ShareRankAndSkipNext()
    {
        Assert.Equal([1, 2, 2, 4], Ranking.CompetitionRanks([10.0, 8, 8, 5]));
        Assert.Equal([3, 1, 1], Ranking.CompetitionRanks([1.0, 2, 2]));
    }
}
