using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CommunitySafety.Assessment;

/// <summary>Settings of the sensitivity analysis, used as <c>SensitivitySettings.Default with { Draws = 1000 }</c>.</summary>
public sealed record SensitivitySettings
{
    /// <summary>10,000 draws, weights ±50%, seed 20230401.</summary>
    public static SensitivitySettings Default { get; } = new();

    /// <summary>How many sets of weights are drawn.</summary>
    public int Draws { get; init; } = 10_000;

    /// <summary>Each weight is drawn uniformly from weight × (1 − spread) to weight × (1 + spread); 0.5 is ±50%.</summary>
    public double Spread { get; init; } = 0.5;

    /// <summary>The seed of the random number generator: the same inputs and seed give the same figures.</summary>
    public int Seed { get; init; } = 20230401;

    /// <summary>The share of draws at or above which a top-N place is called robust.</summary>
    public double RobustShare { get; init; } = 0.9;
}

/// <summary>How one crime type's rank behaves when the weights vary.</summary>
/// <param name="CrimeType">The crime type's name.</param>
/// <param name="Rank">Its rank with the matrix's own weights.</param>
/// <param name="TopNShare">The share of draws (0 to 1) in which it ranks within the top N.</param>
/// <param name="BestRank">Its best (lowest) rank in any draw.</param>
/// <param name="WorstRank">Its worst rank in any draw.</param>
/// <param name="MeanRank">Its mean rank over the draws.</param>
/// <param name="Robustness">"Robust priority", "Depends on the weights" or "Robustly outside the top N".</param>
public sealed record SensitivityRow(string CrimeType, int Rank, double TopNShare, int BestRank, int WorstRank, double MeanRank, string Robustness);

/// <summary>The sensitivity of the ranking to the weights.</summary>
/// <param name="TopN">The N of "top N".</param>
/// <param name="Draws">Number of draws.</param>
/// <param name="Spread">The ± fraction each weight varied by.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="Rows">One row per crime type, in the matrix's rank order.</param>
public sealed record SensitivityResult(int TopN, int Draws, double Spread, int Seed, IReadOnlyList<SensitivityRow> Rows);

/// <summary>
/// How robust the matrix's ranking is to the weights: each weight is redrawn many times, independently and
/// uniformly within ±<see cref="SensitivitySettings.Spread"/> of its value, the crime types are re-ranked with their
/// scores unchanged, and the share of draws each spends in the top N is counted.
/// </summary>
/// <remarks>
/// <para>A Monte Carlo sensitivity analysis of a weighted-sum ranking, as recommended for
/// composite indicators (OECD/JRC, "Handbook on Constructing Composite Indicators", 2008, step 7: uncertainty and sensitivity analysis). A crime type that
/// stays in the top N in at least <see cref="SensitivitySettings.RobustShare"/> of draws is a robust priority; one
/// that enters the top N in some draws but not in that many depends on a judgement call about the weights.</para>
/// <para>The generator is <see cref="Random"/> created with the seed, whose seeded sequence .NET keeps stable across
/// versions, so the same inputs and seed give the same figures on every machine.</para>
/// <para>Worked example: two crime types each scoring 5 and 1 on two criteria of weight 1 (totals 6 and 6) tie at
/// rank 1 with the matrix's weights; with the weights drawn ±50% each is first in about half the draws.</para>
/// </remarks>
public static class RankingSensitivity
{
    /// <summary>Runs the analysis on a scored matrix.</summary>
    /// <param name="matrix">The matrix definition (its weights and top N).</param>
    /// <param name="result">The scored matrix.</param>
    /// <param name="settings">Draws, spread and seed.</param>
    /// <returns>One row per crime type.</returns>
    public static SensitivityResult Analyse(MatrixDefinition matrix, MatrixResult result, SensitivitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Draws < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Draws, "Draws must be at least 1.");
        }

        if (!(settings.Spread >= 0 && settings.Spread <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Spread, "The spread must be between 0 and 1 (0.5 is ±50%).");
        }

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

        var drawn = WeightDraws.For([.. matrix.Criteria.Select(c => c.Weight)], settings);
        var tally = new Tally(types);
        if (Vector256.IsHardwareAccelerated && types > 0)
        {
            CountVectorised(scores, types, criteria, drawn, settings.Draws, matrix.TopN, tally);
        }
        else
        {
            Count(scores, types, criteria, drawn, settings.Draws, matrix.TopN, tally);
        }

        var (inTop, best, worst, rankSum) = (tally.InTop, tally.Best, tally.Worst, tally.RankSum);
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

    /// <summary>What the draws add up to for each crime type: draws in the top N, best and worst rank, sum of ranks.</summary>
    internal sealed class Tally
    {
        public Tally(int types)
        {
            InTop = new int[types];
            Best = Enumerable.Repeat(int.MaxValue, types).ToArray();
            Worst = new int[types];
            RankSum = new long[types];
        }

        public int[] InTop { get; }

        public int[] Best { get; }

        public int[] Worst { get; }

        public long[] RankSum { get; }

        public void Add(int type, int rank, int topN)
        {
            if (rank <= topN)
            {
                InTop[type]++;
            }

            Best[type] = Math.Min(Best[type], rank);
            Worst[type] = Math.Max(Worst[type], rank);
            RankSum[type] += rank;
        }
    }

    /// <summary>
    /// Each draw's totals (Σ drawn weight × score, criteria in order from 0) and <see cref="Ranking.CompetitionRanks(ReadOnlySpan{double}, Span{int})"/>,
    /// one crime type at a time: the reference computation.
    /// </summary>
    internal static void Count(double[] scores, int types, int criteria, double[] drawn, int draws, int topN, Tally tally)
    {
        var totals = new double[types];
        var ranks = new int[types];
        for (var d = 0; d < draws; d++)
        {
            var w = drawn.AsSpan(d * criteria, criteria);
            for (var t = 0; t < types; t++)
            {
                var total = 0.0;
                for (var c = 0; c < criteria; c++)
                {
                    total += w[c] * scores[(t * criteria) + c];
                }

                totals[t] = total;
            }

            Ranking.CompetitionRanks(totals, ranks);
            for (var t = 0; t < types; t++)
            {
                tally.Add(t, ranks[t], topN);
            }
        }
    }

    /// <summary>
    /// <see cref="Count"/> four crime types at a time with 256-bit vectors: the same products added in the same order (a
    /// multiply, then an add: never fused), so the same totals to the bit; each rank is 1 + the number of totals strictly
    /// greater, counted for four types at once by comparing every total with theirs; the tallies (draws in the top N, best
    /// and worst rank, sum of ranks) are kept in vectors too. Padding lanes beyond the last type are never read back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: unoptimised vector code is many times slower
    internal static void CountVectorised(double[] scores, int types, int criteria, double[] drawn, int draws, int topN, Tally tally)
    {
        var vectors = (types + 3) / 4;
        var padded = vectors * 4;
        var columns = new double[criteria * padded];
        for (var t = 0; t < types; t++)
        {
            for (var c = 0; c < criteria; c++)
            {
                columns[(c * padded) + t] = scores[(t * criteria) + c];
            }
        }

        var totals = new Vector256<double>[vectors];
        var flat = new double[padded];
        var inTop = new Vector256<long>[vectors];
        var best = new Vector256<long>[vectors];
        var worst = new Vector256<long>[vectors];
        var rankSum = new Vector256<long>[vectors];
        Array.Fill(best, Vector256.Create(long.MaxValue));
        var top = Vector256.Create((long)topN);
        ref var column0 = ref MemoryMarshal.GetArrayDataReference(columns);
        for (var d = 0; d < draws; d++)
        {
            var w = drawn.AsSpan(d * criteria, criteria);
            for (var v = 0; v < vectors; v++)
            {
                var total = Vector256<double>.Zero;
                for (var c = 0; c < criteria; c++)
                {
                    total += Vector256.Create(w[c]) * Vector256.LoadUnsafe(ref column0, (nuint)((c * padded) + (v * 4)));
                }

                totals[v] = total;
                total.CopyTo(flat, v * 4);
            }

            for (var v = 0; v < vectors; v++)
            {
                // 1 + the number of types whose total is above each lane's (a true comparison is −1 in every bit).
                var mine = totals[v];
                var rank = Vector256<long>.One;
                for (var j = 0; j < types; j++)
                {
                    rank -= Vector256.GreaterThan(Vector256.Create(flat[j]), mine).AsInt64();
                }

                inTop[v] -= Vector256.LessThanOrEqual(rank, top);
                best[v] = Vector256.Min(best[v], rank);
                worst[v] = Vector256.Max(worst[v], rank);
                rankSum[v] += rank;
            }
        }

        for (var t = 0; t < types; t++)
        {
            var (v, lane) = (t / 4, t % 4);
            tally.InTop[t] = (int)inTop[v].GetElement(lane);
            tally.Best[t] = (int)best[v].GetElement(lane);
            tally.Worst[t] = (int)worst[v].GetElement(lane);
            tally.RankSum[t] = rankSum[v].GetElement(lane);
        }
    }
}
