using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Tests.Sensitivity;

/// <summary>The sensitivity analysis when the counts behind the scores are redrawn as well as the weights.</summary>
public class EvidenceSensitivityTests
{
    /// <summary>One volume criterion on the count: below 1,000 scores 1, from 1,000 scores 5.</summary>
    private static readonly MatrixDefinition CountMatrix = new()
    {
        Name = "count",
        TopN = 1,
        Criteria =
        [
            new MatrixCriterion { Id = "volume", Name = "Volume", Kind = CriterionKind.Volume, Measure = VolumeMeasure.Count, Bands = [new(null, 1), new(1000, 5)] },
        ],
    };

    private static CrimeTypeEvidence[] Evidence(long a, long b) =>
        [new() { CrimeType = CrimeType.Burglary, Count = a }, new() { CrimeType = CrimeType.Robbery, Count = b }];

    [Fact]
    public void Poisson_Draws_HaveTheMeanAndVarianceOfTheCount()
    {
        var random = new Random(7);
        foreach (var mean in new long[] { 3, 50, 20_000 })
        {
            var draws = Enumerable.Range(0, 20_000).Select(_ => (double)RankingSensitivity.Poisson(mean, random)).ToArray();
            var m = draws.Average();
            var v = draws.Sum(x => (x - m) * (x - m)) / (draws.Length - 1);

            // Standard error of the mean √(λ/20,000); of the variance about λ√(2/20,000) (1% of λ).
            Assert.InRange(m, mean - (4 * Math.Sqrt(mean / 20_000.0)), mean + (4 * Math.Sqrt(mean / 20_000.0)));
            Assert.InRange(v / mean, 0.95, 1.05);
        }

        Assert.Equal(0, RankingSensitivity.Poisson(0, random));
    }

    [Fact]
    public void Analyse_CountOnABandBoundary_IsInTheTopInAboutHalfTheRedraws()
    {
        // Robbery's 10,000 always scores 5; Burglary's 1,000 scores 5 (a shared rank 1) only when its redraw is 1,000 or more:
        // P(Poisson(1000) ≥ 1000) = 0.5066 (1 − the Poisson CDF at 999). With the counts held, Burglary is always in the top.
        var evidence = Evidence(1000, 10_000);
        var result = ScoringMatrix.Score(CountMatrix, evidence, PartnershipScores.None);
        var settings = SensitivitySettings.Default with { Draws = 4000, Spread = 0 };

        var varied = RankingSensitivity.Analyse(CountMatrix, evidence, PartnershipScores.None, result, settings);
        var held = RankingSensitivity.Analyse(CountMatrix, evidence, PartnershipScores.None, result, settings with { VaryEvidence = false });

        var burglary = varied.Rows.Single(r => r.CrimeType == "Burglary");
        Assert.InRange(burglary.TopNShare, 0.48, 0.535);
        Assert.Equal("Depends on the counts and weights", burglary.Robustness);
        Assert.StartsWith("stays in the top 1 in 5", burglary.Statement, StringComparison.Ordinal);
        Assert.EndsWith("% of 4,000 redraws of counts and weights", burglary.Statement, StringComparison.Ordinal);
        Assert.Equal("counts and weights", varied.Varied);
        Assert.Equal(["volume"], varied.RedrawnCriteria);
        Assert.Equal(1.0, held.Rows.Single(r => r.CrimeType == "Burglary").TopNShare);
        Assert.Equal("weights", held.Varied);
        Assert.Equal(RankingSensitivity.RobustPriority, held.Rows.Single(r => r.CrimeType == "Burglary").Robustness);
    }

    [Fact]
    public void Analyse_SameInputsAndSeed_GiveTheSameFiguresWithRedrawnCounts()
    {
        var evidence = Evidence(1000, 990);
        var result = ScoringMatrix.Score(CountMatrix, evidence, PartnershipScores.None);
        var settings = SensitivitySettings.Default with { Draws = 500, Seed = 11 };

        var first = RankingSensitivity.Analyse(CountMatrix, evidence, PartnershipScores.None, result, settings);
        var second = RankingSensitivity.Analyse(CountMatrix, evidence, PartnershipScores.None, result, settings);
        var other = RankingSensitivity.Analyse(CountMatrix, evidence, PartnershipScores.None, result, settings with { Seed = 12 });

        Assert.Equal(first.Rows, second.Rows);
        Assert.NotEqual(first.Rows.Select(r => r.TopNShare), other.Rows.Select(r => r.TopNShare));
    }

    [Fact]
    public void Analyse_RollingTrendAndDeprivation_AreRescoredFromRedrawnCounts()
    {
        var matrix = MatrixDefinition.Default with { TopN = 1 };
        var partnership = new PartnershipScores(
            new Dictionary<(CrimeType, string), PartnershipScore>
            {
                [(CrimeType.Burglary, "publicConcern")] = new(3, string.Empty), [(CrimeType.Robbery, "publicConcern")] = new(3, string.Empty),
                [(CrimeType.Burglary, "drugAlcoholLink")] = new(3, string.Empty), [(CrimeType.Robbery, "drugAlcoholLink")] = new(3, string.Empty),
            },
            "test");
        CrimeTypeEvidence Make(CrimeType type, long earlier, long later) => new()
        {
            CrimeType = type,
            Count = 500,
            Population = 100_000,
            Rate = Statistics.CrudeRate.Calculate(500, 100_000, Statistics.RateOptions.Default with { Multiplier = 1000 }),
            PeerGroupRate = 5,
            Harm = new HarmWeight(type, 100, "test"),
            Rolling = new RateContrast("2024", earlier, 100_000, "2025", later, 100_000),
            Deprivation = new RateContrast("least", 50, 20_000, "most", 100, 20_000),
        };

        // Burglary's rise (1,000 → 1,090, +9%, p ≈ 0.04) sits at the edge of significance: redraws move its trend score
        // between 3 and 4. Robbery's is clearly not significant.
        CrimeTypeEvidence[] evidence = [Make(CrimeType.Burglary, 1000, 1090), Make(CrimeType.Robbery, 1000, 1010)];
        var result = ScoringMatrix.Score(matrix, evidence, partnership);

        var s = RankingSensitivity.Analyse(matrix, evidence, partnership, result, SensitivitySettings.Default with { Draws = 400, Spread = 0 });

        Assert.All(result.Criteria, c => Assert.True(c.IsScored));
        Assert.Equal(["volume", "trend", "benchmarking", "disproportionateImpact"], s.RedrawnCriteria);
        Assert.Equal(["publicConcern", "personalHarm", "drugAlcoholLink"], s.FixedCriteria);
        Assert.InRange(s.Rows.Single(r => r.CrimeType == "Burglary").TopNShare, 0.3, 0.99);
        Assert.StartsWith("In each of 400 draws (seed 20230401) every count behind volume, trend, benchmarking and disproportionate impact is redrawn within its Poisson uncertainty", s.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_RankingOnFewCriteria_IsNeverCalledRobust()
    {
        // Two of four equal criteria scored (half the weight, below 0.7): Burglary is first in every draw but not "robust".
        var matrix = new MatrixDefinition
        {
            Name = "few",
            TopN = 1,
            Criteria = [.. new[] { "a", "b", "c", "d" }.Select(id => new MatrixCriterion { Id = id, Name = id.ToUpperInvariant(), Kind = CriterionKind.Partnership })],
        };
        var partnership = new PartnershipScores(
            new Dictionary<(CrimeType, string), PartnershipScore>
            {
                [(CrimeType.Burglary, "a")] = new(5, string.Empty), [(CrimeType.Burglary, "b")] = new(5, string.Empty),
                [(CrimeType.Robbery, "a")] = new(1, string.Empty), [(CrimeType.Robbery, "b")] = new(1, string.Empty),
            },
            "test");
        CrimeTypeEvidence[] evidence = [new() { CrimeType = CrimeType.Burglary }, new() { CrimeType = CrimeType.Robbery }];
        var result = ScoringMatrix.Score(matrix, evidence, partnership);

        var s = RankingSensitivity.Analyse(matrix, evidence, partnership, result, SensitivitySettings.Default with { Draws = 200 });

        Assert.False(s.RestsOnEnoughCriteria);
        Assert.Equal("Top 1 in 100% of draws, but ranked on 2 of 4 criteria", s.Rows[0].Robustness);
        Assert.False(s.Rows[0].IsRobustPriority);
        Assert.Equal("Outside the top 1 in 100% of draws, ranked on 2 of 4 criteria", s.Rows[1].Robustness);
        Assert.Equal("weights", s.Varied);
        Assert.EndsWith("The ranking rests on 2 of 4 criteria, too few to call any place robust.", s.Description, StringComparison.Ordinal);
    }
}

/// <summary>The sensitivity analysis's score without words is the matrix's score, on a grid of counts around the bands and significance.</summary>
public class ScoreOnlyTests
{
    [Fact]
    public void ScoreOnly_GridOfCounts_IsTheScoreOfScoreCriterion()
    {
        var matrix = MatrixDefinition.Default;
        var random = new Random(3);
        var checkedScores = 0;
        foreach (var criterion in matrix.Criteria.Where(c => c.Kind is CriterionKind.Volume or CriterionKind.Trend or CriterionKind.Benchmark or CriterionKind.Deprivation))
        {
            for (var i = 0; i < 400; i++)
            {
                long earlier = random.Next(0, 3) == 0 ? random.Next(0, 12) : random.Next(0, 3000);
                var later = Math.Max(0, earlier + random.Next(-400, 400));
                var population = 50_000 + random.Next(0, 200_000);
                var evidence = new CrimeTypeEvidence
                {
                    CrimeType = CrimeType.Burglary,
                    Count = later,
                    Population = population,
                    Rate = Statistics.CrudeRate.Calculate(later, population, Statistics.RateOptions.Default with { Multiplier = 1000 }),
                    PeerGroupRate = random.NextDouble() * 20,
                    MonthsWithData = random.Next(0, 8) == 0 ? 9 : 12,
                    Rolling = new RateContrast("a", earlier, population, "b", later, population * (0.9 + (random.NextDouble() * 0.2))),
                    Deprivation = new RateContrast("least", earlier, 20_000, "most", later, 10_000 + random.Next(0, 20_000)),
                };

                Assert.Equal(
                    ScoringMatrix.ScoreCriterion(matrix, criterion, evidence, PartnershipScores.None) is { IsMissing: false } s ? s.Score : null,
                    ScoringMatrix.ScoreOnly(matrix, criterion, evidence, PartnershipScores.None));
                checkedScores++;
            }
        }

        Assert.Equal(1600, checkedScores);
    }
}
