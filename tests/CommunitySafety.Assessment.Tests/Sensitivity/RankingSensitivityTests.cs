using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Sensitivity;
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

/// <summary>
/// The shortcuts of <see cref="RankingSensitivity"/> (weights drawn once and shared, vectorised totals and ranks) against
/// the computation as it was before them, kept here verbatim as <see cref="Before"/>: the same figures to the bit.
/// </summary>
public class RankingSensitivityShortcutTests
{
    private static readonly CrimeType[] Types = [.. CrimeType.All.Where(t => !t.IsLegacy)];

    /// <summary>A matrix of <paramref name="criteria"/> partnership criteria with random weights, and random scores 1–5 (many ties).</summary>
    private static (MatrixDefinition Matrix, MatrixResult Result) RandomMatrix(Random random, int types, int criteria, int topN)
    {
        var matrix = new MatrixDefinition
        {
            Name = "random",
            TopN = topN,
            Criteria = [.. Enumerable.Range(0, criteria).Select(c => new MatrixCriterion
            {
                Id = $"c{c}",
                Name = $"C{c}",
                Kind = CriterionKind.Partnership,
                Weight = random.Next(3) == 0 ? 1 : Math.Round(0.25 + (random.NextDouble() * 3), 2),
            })],
        };
        var scores = new Dictionary<(CrimeType, string), PartnershipScore>();
        foreach (var type in Types.Take(types))
        {
            foreach (var c in matrix.Criteria)
            {
                scores[(type, c.Id)] = new(random.Next(1, 6), string.Empty);
            }
        }

        var result = ScoringMatrix.Score(matrix, [.. Types.Take(types).Select(t => new CrimeTypeEvidence { CrimeType = t })], new PartnershipScores(scores, "random"));
        return (matrix, result);
    }

    /// <summary>The analysis before the shortcuts (one <see cref="Random"/> per analysis, scalar totals and ranks).</summary>
    private static SensitivityResult Before(MatrixDefinition matrix, MatrixResult result, SensitivitySettings settings)
    {
        var types = result.Rows.Count;
        var criteria = matrix.Criteria.Count;
        var scores = new double[types * criteria];
        for (var t = 0; t < types; t++)
        {
            for (var c = 0; c < criteria; c++)
            {
                scores[(t * criteria) + c] = result.Rows[t].Scores[c].Score;
            }
        }

        var weights = matrix.Criteria.Select(c => c.Weight).ToArray();
        var drawn = new double[criteria];
        var totals = new double[types];
        var ranks = new int[types];
        var inTop = new int[types];
        var best = Enumerable.Repeat(int.MaxValue, types).ToArray();
        var worst = new int[types];
        var rankSum = new long[types];
        var random = new Random(settings.Seed);
        for (var d = 0; d < settings.Draws; d++)
        {
            for (var c = 0; c < criteria; c++)
            {
                drawn[c] = weights[c] * (1 + (settings.Spread * ((2 * random.NextDouble()) - 1)));
            }

            for (var t = 0; t < types; t++)
            {
                var total = 0.0;
                for (var c = 0; c < criteria; c++)
                {
                    total += drawn[c] * scores[(t * criteria) + c];
                }

                totals[t] = total;
            }

            Ranking.CompetitionRanks(totals, ranks);
            for (var t = 0; t < types; t++)
            {
                var r = ranks[t];
                if (r <= matrix.TopN)
                {
                    inTop[t]++;
                }

                best[t] = Math.Min(best[t], r);
                worst[t] = Math.Max(worst[t], r);
                rankSum[t] += r;
            }
        }

        var rows = new SensitivityRow[types];
        for (var t = 0; t < types; t++)
        {
            var share = (double)inTop[t] / settings.Draws;
            var robustness = share >= settings.RobustShare
                ? "Robust priority"
                : share > 1 - settings.RobustShare ? "Depends on the weights" : $"Robustly outside the top {matrix.TopN}";
            rows[t] = new SensitivityRow(result.Rows[t].CrimeType, result.Rows[t].Rank, share, best[t], worst[t], (double)rankSum[t] / settings.Draws, robustness);
        }

        return new SensitivityResult(matrix.TopN, settings.Draws, settings.Spread, settings.Seed, rows);
    }

    [Fact]
    public void Analyse_RandomMatrices_AreTheFiguresOfTheComputationBefore()
    {
        var random = new Random(2026);
        for (var i = 0; i < 120; i++)
        {
            var (matrix, result) = RandomMatrix(random, types: random.Next(1, Types.Length + 1), criteria: random.Next(1, 10), topN: random.Next(1, 6));
            var settings = SensitivitySettings.Default with { Draws = random.Next(1, 800), Seed = random.Next(), Spread = random.Next(4) == 0 ? 0 : random.NextDouble() };

            Assert.Equal(Before(matrix, result, settings), RankingSensitivity.Analyse(matrix, result, settings), SensitivityComparer.Instance);
            // A second analysis with the same settings reads the shared draws: still the same.
            Assert.Equal(Before(matrix, result, settings), RankingSensitivity.Analyse(matrix, result, settings), SensitivityComparer.Instance);
        }
    }

    [Fact]
    public void Analyse_DefaultMatrixAndSettings_AreTheFiguresOfTheComputationBefore()
    {
        var random = new Random(9);
        var matrix = MatrixDefinition.Default;
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var scores = new Dictionary<(CrimeType, string), PartnershipScore>();
            foreach (var type in Types)
            {
                foreach (var c in matrix.Criteria)
                {
                    scores[(type, c.Id)] = new(random.Next(1, 6), string.Empty);
                }
            }

            var evidence = Types.Select(t => new CrimeTypeEvidence { CrimeType = t, Count = random.Next(0, 5000), SharePercent = random.NextDouble() * 30 }).ToList();
            var result = ScoringMatrix.Score(matrix, evidence, new PartnershipScores(scores, "random"));

            Assert.Equal(Before(matrix, result, SensitivitySettings.Default), RankingSensitivity.Analyse(matrix, result, SensitivitySettings.Default), SensitivityComparer.Instance);
        }
    }

    [Fact]
    public void CountVectorised_TiesAndEqualRows_IsTheScalarCount()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var types = random.Next(1, 23);
            var criteria = random.Next(1, 9);
            var draws = random.Next(1, 300);
            var scores = new double[types * criteria];
            for (var k = 0; k < scores.Length; k++)
            {
                // Few distinct scores and whole rows repeated: equal totals are the case that must rank alike.
                scores[k] = k >= criteria && random.Next(3) == 0 ? scores[k - criteria] : random.Next(0, 4);
            }

            var drawn = WeightDraws.Draw([.. Enumerable.Range(0, criteria).Select(_ => random.Next(2) == 0 ? 1.0 : random.NextDouble() * 2)], SensitivitySettings.Default with { Draws = draws, Seed = i, Spread = random.Next(3) == 0 ? 0 : 0.5 });
            var topN = random.Next(1, 6);
            var scalar = new RankingSensitivity.Tally(types);
            var vector = new RankingSensitivity.Tally(types);

            RankingSensitivity.Count(scores, types, criteria, drawn, draws, topN, scalar);
            RankingSensitivity.CountVectorised(scores, types, criteria, drawn, draws, topN, vector);

            Assert.Equal(scalar.InTop, vector.InTop);
            Assert.Equal(scalar.Best, vector.Best);
            Assert.Equal(scalar.Worst, vector.Worst);
            Assert.Equal(scalar.RankSum, vector.RankSum);
        }
    }

    [Fact]
    public void WeightDraws_SharedDraws_AreTheDrawsOfTheSettings()
    {
        double[] weights = [1, 2, 0.5];
        var a = SensitivitySettings.Default with { Draws = 50, Seed = 1 };
        var b = a with { Seed = 2 };

        var first = WeightDraws.For(weights, a);
        var other = WeightDraws.For(weights, b);
        var again = WeightDraws.For(weights, b);

        // Other tests may draw in parallel (the last set drawn is shared by the process), so values, not identity, are checked.
        Assert.Equal(WeightDraws.Draw(weights, a), first);
        Assert.Equal(WeightDraws.Draw(weights, b), other);
        Assert.Equal(other, again);
        Assert.NotEqual(first, other);
        Assert.Equal(WeightDraws.Draw([1, 2, 0.75], b), WeightDraws.For([1, 2, 0.75], b));
        Assert.NotEqual(other, WeightDraws.For([1, 2, 0.75], b));
        Assert.Equal(WeightDraws.Draw(weights, a with { Spread = 0.25 }), WeightDraws.For(weights, a with { Spread = 0.25 }));
        Assert.Equal(WeightDraws.Draw(weights, a with { Draws = 60 }), WeightDraws.For(weights, a with { Draws = 60 }));
    }

    /// <summary>Equal when every figure is equal to the bit (doubles compared by their bits, not within a tolerance).</summary>
    private sealed class SensitivityComparer : IEqualityComparer<SensitivityResult>
    {
        public static readonly SensitivityComparer Instance = new();

        // The figures, not the labels: the labels' rules (what was varied, how many criteria the ranking rests on) came
        // after the shortcuts and are tested on their own.
        public bool Equals(SensitivityResult? x, SensitivityResult? y) =>
            x is not null && y is not null && (x.TopN, x.Draws, x.Spread, x.Seed) == (y.TopN, y.Draws, y.Spread, y.Seed) && x.Rows.Count == y.Rows.Count
            && x.Rows.Zip(y.Rows).All(p => (p.First.CrimeType, p.First.Rank, p.First.BestRank, p.First.WorstRank) == (p.Second.CrimeType, p.Second.Rank, p.Second.BestRank, p.Second.WorstRank)
                && BitConverter.DoubleToInt64Bits(p.First.TopNShare) == BitConverter.DoubleToInt64Bits(p.Second.TopNShare)
                && BitConverter.DoubleToInt64Bits(p.First.MeanRank) == BitConverter.DoubleToInt64Bits(p.Second.MeanRank));

        public int GetHashCode(SensitivityResult obj) => obj.Rows.Count;
    }
}
