using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Tests.Sensitivity;

public class RankingSensitivityTests
{
    private static MatrixDefinition Matrix(int topN) => new()
    {
        Name = "test",
        TopN = topN,
        Criteria =
        [
            new MatrixCriterion { Id = "a", Name = "A", Kind = CriterionKind.Partnership },
            new MatrixCriterion { Id = "b", Name = "B", Kind = CriterionKind.Partnership },
        ],
    };

    private static MatrixResult Score(MatrixDefinition matrix, params (CrimeType Type, int A, int B)[] rows)
    {
        var scores = new Dictionary<(CrimeType, string), PartnershipScore>();
        foreach (var (type, a, b) in rows)
        {
            scores[(type, "a")] = new(a, string.Empty);
            scores[(type, "b")] = new(b, string.Empty);
        }

        return ScoringMatrix.Score(matrix, [.. rows.Select(r => new CrimeTypeEvidence { CrimeType = r.Type })], new PartnershipScores(scores, "test"));
    }

    [Fact]
    public void Analyse_SameInputsAndSeed_GiveSameFigures()
    {
        var matrix = Matrix(topN: 2);
        var result = Score(matrix, (CrimeType.Burglary, 5, 1), (CrimeType.Robbery, 1, 5), (CrimeType.Drugs, 3, 3), (CrimeType.Shoplifting, 2, 2));
        var settings = SensitivitySettings.Default with { Draws = 2000, Seed = 42 };

        var first = RankingSensitivity.Analyse(matrix, result, settings);
        var second = RankingSensitivity.Analyse(matrix, result, settings);

        Assert.Equal(first.Rows, second.Rows);
    }

    [Fact]
    public void Analyse_DifferentSeed_GivesDifferentDrawsButSameConclusions()
    {
        var matrix = Matrix(topN: 1);
        var result = Score(matrix, (CrimeType.Burglary, 5, 1), (CrimeType.Robbery, 1, 5));

        var a = RankingSensitivity.Analyse(matrix, result, SensitivitySettings.Default with { Draws = 4000, Seed = 1 });
        var b = RankingSensitivity.Analyse(matrix, result, SensitivitySettings.Default with { Draws = 4000, Seed = 2 });

        Assert.NotEqual(a.Rows[0].TopNShare, b.Rows[0].TopNShare);
        Assert.Equal(a.Rows[0].Robustness, b.Rows[0].Robustness);
    }

    [Fact]
    public void Analyse_TiedTotals_EachTopInAboutHalfTheDraws()
    {
        // Totals 6 and 6 with weights 1 and 1: whichever criterion's weight is drawn higher decides the order.
        var matrix = Matrix(topN: 1);
        var result = Score(matrix, (CrimeType.Burglary, 5, 1), (CrimeType.Robbery, 1, 5));

        var s = RankingSensitivity.Analyse(matrix, result, SensitivitySettings.Default with { Draws = 10_000 });

        Assert.All(s.Rows, r => Assert.InRange(r.TopNShare, 0.47, 0.53));
        Assert.All(s.Rows, r => Assert.Equal("Depends on the weights", r.Robustness));
        Assert.All(s.Rows, r => Assert.Equal((1, 2), (r.BestRank, r.WorstRank)));
    }

    [Fact]
    public void Analyse_DominantType_IsRobustInEveryDraw()
    {
        // Burglary scores at least as high on every criterion and higher on one: no weights can put it below.
        var matrix = Matrix(topN: 1);
        var result = Score(matrix, (CrimeType.Burglary, 5, 4), (CrimeType.Robbery, 3, 4), (CrimeType.Drugs, 1, 1));

        var s = RankingSensitivity.Analyse(matrix, result, SensitivitySettings.Default);

        var burglary = s.Rows.Single(r => r.CrimeType == "Burglary");
        Assert.Equal(1.0, burglary.TopNShare);
        Assert.Equal("Robust priority", burglary.Robustness);
        var drugs = s.Rows.Single(r => r.CrimeType == "Drugs");
        Assert.Equal(0.0, drugs.TopNShare);
        Assert.Equal("Robustly outside the top 1", drugs.Robustness);
        Assert.Equal(3.0, drugs.MeanRank);
    }

    [Fact]
    public void Analyse_HandWorkedProbability_MatchesShareOfDraws()
    {
        // Burglary (5, 1) against Robbery (3, 2): 5wa + wb < 3wa + 2wb exactly when wb > 2wa. With wa and wb uniform
        // on 0.5–1.5 that happens with probability ∫ from 0.5 to 0.75 of (1.5 − 2w) dw = 1/16 = 0.0625.
        var matrix = Matrix(topN: 1);
        var result = Score(matrix, (CrimeType.Burglary, 5, 1), (CrimeType.Robbery, 3, 2));

        var s = RankingSensitivity.Analyse(matrix, result, SensitivitySettings.Default with { Draws = 20_000 });

        Assert.InRange(s.Rows.Single(r => r.CrimeType == "Robbery").TopNShare, 0.055, 0.070);
        Assert.Equal("Robust priority", s.Rows.Single(r => r.CrimeType == "Burglary").Robustness);
    }

    [Fact]
    public void Analyse_ZeroSpread_ReproducesTheMatrixRanks()
    {
        var matrix = Matrix(topN: 2);
        var result = Score(matrix, (CrimeType.Burglary, 5, 1), (CrimeType.Robbery, 1, 4), (CrimeType.Drugs, 3, 3));

        var s = RankingSensitivity.Analyse(matrix, result, SensitivitySettings.Default with { Spread = 0, Draws = 10 });

        Assert.Equal(result.Rows.Select(r => r.Rank), s.Rows.Select(r => r.BestRank));
        Assert.Equal(result.Rows.Select(r => r.IsTopPriority ? 1.0 : 0.0), s.Rows.Select(r => r.TopNShare));
    }
}
