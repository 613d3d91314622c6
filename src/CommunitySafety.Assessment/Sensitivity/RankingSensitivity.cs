using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Crime;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Sensitivity;

/// <summary>Settings of the sensitivity analysis, used as <c>SensitivitySettings.Default with { Draws = 1000 }</c>.</summary>
public sealed record SensitivitySettings
{
    /// <summary>1,000 draws of counts and weights, weights ±50%, seed 20230401.</summary>
    public static SensitivitySettings Default { get; } = new();

    /// <summary>How many sets of counts and weights are drawn.</summary>
    public int Draws { get; init; } = 1_000;

    /// <summary>Each weight is drawn uniformly from weight × (1 − spread) to weight × (1 + spread); 0.5 is ±50%.</summary>
    public double Spread { get; init; } = 0.5;

    /// <summary>The seed of the random number generators: the same inputs and seed give the same figures.</summary>
    public int Seed { get; init; } = 20230401;

    /// <summary>The share of draws at or above which a top-N place is called robust.</summary>
    public double RobustShare { get; init; } = 0.9;

    /// <summary>Whether the counts behind the scores are redrawn too (within their Poisson uncertainty), not only the weights.</summary>
    public bool VaryEvidence { get; init; } = true;

    /// <summary>
    /// The share of the matrix's total weight the scored criteria must hold for a place to be called robust (0.7: five of
    /// seven equal criteria); below it, the labels say how many criteria the ranking rests on instead.
    /// </summary>
    public double RobustMinimumScoredWeight { get; init; } = 0.7;
}

/// <summary>How one crime type's rank behaves when the counts and weights vary.</summary>
/// <param name="CrimeType">The crime type's name.</param>
/// <param name="Rank">Its rank with the matrix's own weights and the observed counts.</param>
/// <param name="TopNShare">The share of draws (0 to 1) in which it ranks within the top N.</param>
/// <param name="BestRank">Its best (lowest) rank in any draw.</param>
/// <param name="WorstRank">Its worst rank in any draw.</param>
/// <param name="MeanRank">Its mean rank over the draws.</param>
/// <param name="Robustness">
/// "Robust priority" (in the top N in at least <see cref="SensitivitySettings.RobustShare"/> of draws, on a ranking that rests
/// on enough criteria), "Depends on the counts and weights" (or "on the weights" when only they varied), "Robustly outside the
/// top N"; when the ranking rests on too few criteria, "Top N in 97% of draws, but ranked on 4 of 7 criteria" or "Outside the
/// top N in 99% of draws, ranked on 4 of 7 criteria"; "Not ranked" when no criterion was scored.
/// </param>
public sealed record SensitivityRow(string CrimeType, int Rank, double TopNShare, int BestRank, int WorstRank, double MeanRank, string Robustness)
{
    /// <summary>Whether <see cref="Robustness"/> is "Robust priority".</summary>
    public bool IsRobustPriority => Robustness == RankingSensitivity.RobustPriority;

    /// <summary>The result in words, saying what was varied, e.g. "stays in the top 5 in 93% of 1,000 redraws of counts and weights".</summary>
    public string Statement { get; init; } = string.Empty;
}

/// <summary>The sensitivity of the ranking to the counts behind the scores and to the weights.</summary>
/// <param name="TopN">The N of "top N".</param>
/// <param name="Draws">Number of draws.</param>
/// <param name="Spread">The ± fraction each weight varied by.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="Rows">One row per crime type, in the matrix's rank order.</param>
public sealed record SensitivityResult(int TopN, int Draws, double Spread, int Seed, IReadOnlyList<SensitivityRow> Rows)
{
    /// <summary>What was varied: "counts and weights", or "weights" when no scored criterion rests on counts.</summary>
    public string Varied { get; init; } = "weights";

    /// <summary>The criteria whose scores were recomputed from redrawn counts in each draw.</summary>
    public IReadOnlyList<string> RedrawnCriteria { get; init; } = [];

    /// <summary>The scored criteria whose scores were held fixed (harm weights, the partnership's scores, trends against a fixed year).</summary>
    public IReadOnlyList<string> FixedCriteria { get; init; } = [];

    /// <summary>Whether the scored criteria hold enough of the matrix's weight for a place to be called robust.</summary>
    public bool RestsOnEnoughCriteria { get; init; } = true;

    /// <summary>The method in one or two sentences for reports, e.g. "Each of 1,000 draws redraws every count …".</summary>
    public string Description { get; init; } = string.Empty;
}

/// <summary>
/// How robust the matrix's ranking is to the evidence and the weights: in each of many draws every count behind a scored
/// criterion is redrawn within its Poisson uncertainty and the scores recomputed from the redrawn counts, every weight is
/// redrawn uniformly within ±<see cref="SensitivitySettings.Spread"/> of its value, the crime types are re-ranked, and the
/// share of draws each spends in the top N is counted.
/// </summary>
/// <remarks>
/// <para>A Monte Carlo uncertainty and sensitivity analysis of a weighted-sum ranking, as recommended for composite
/// indicators (OECD/JRC, "Handbook on Constructing Composite Indicators", 2008, step 7: uncertainty and sensitivity
/// analysis), with the counts treated as Poisson (a count observed as n is redrawn as Poisson(n), the usual model of the
/// statistics engine's intervals). Redrawn: the assessment year's count (volume, and the rate compared with the peers; the
/// peer group rate is held), both rolling 12-month counts (trend: the exact test is redone), and both deprivation groups'
/// counts (disproportionate impact). Held fixed: harm weights, the partnership's scores, and a trend against a fixed
/// financial year. Criteria not scored count nothing in any draw.</para>
/// <para>A crime type that stays in the top N in at least <see cref="SensitivitySettings.RobustShare"/> of draws is a
/// robust priority, provided the scored criteria hold at least <see cref="SensitivitySettings.RobustMinimumScoredWeight"/>
/// of the matrix's weight; otherwise its label says how many criteria the ranking rests on, because a ranking on few
/// criteria can be stable and still leave out what matters. One that enters the top N in some draws but not in that many
/// depends on the counts and weights.</para>
/// <para>The weights are drawn by <see cref="Random"/> seeded with the seed, the counts by a second <see cref="Random"/>
/// seeded with seed + 1 (Poisson variates by MathNet.Numerics), so adding the counts leaves the weight draws as they were;
/// .NET keeps the seeded sequence stable across versions, so the same inputs and seed give the same figures.</para>
/// <para>Worked example: two crime types each scoring 5 and 1 on two partnership criteria of weight 1 (totals 6 and 6) tie
/// at rank 1 with the matrix's weights; with the weights drawn ±50% each is first in about half the draws.</para>
/// </remarks>
public static class RankingSensitivity
{
    /// <summary>The label of a robust priority.</summary>
    public const string RobustPriority = "Robust priority";

    private static readonly Statistics.RateOptions PerThousand = Statistics.RateOptions.Default with { Multiplier = StrategicAssessment.RateMultiplier };

    /// <summary>Runs the analysis varying the weights only (the scores as scored).</summary>
    /// <param name="matrix">The matrix definition (its weights and top N).</param>
    /// <param name="result">The scored matrix.</param>
    /// <param name="settings">Draws, spread and seed.</param>
    /// <returns>One row per crime type.</returns>
    public static SensitivityResult Analyse(MatrixDefinition matrix, MatrixResult result, SensitivitySettings settings) =>
        Analyse(matrix, null, PartnershipScores.None, result, settings);

    /// <summary>Runs the analysis, redrawing the counts of <paramref name="evidence"/> as well as the weights.</summary>
    /// <param name="matrix">The matrix definition (its weights and top N).</param>
    /// <param name="evidence">The evidence the matrix was scored from (one per crime type); null to vary the weights only.</param>
    /// <param name="partnership">The partnership's scores the matrix was scored with.</param>
    /// <param name="result">The scored matrix.</param>
    /// <param name="settings">Draws, spread, seed and whether to vary the evidence.</param>
    /// <returns>One row per crime type.</returns>
    public static SensitivityResult Analyse(MatrixDefinition matrix, IReadOnlyList<CrimeTypeEvidence>? evidence, PartnershipScores partnership, MatrixResult result, SensitivitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(partnership);
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

        var scored = matrix.Criteria.Select((_, c) => result.Criteria.Count == criteria ? result.Criteria[c].IsScored : result.Rows.All(r => !r.Scores[c].IsMissing)).ToArray();
        var redrawn = evidence is not null && settings.VaryEvidence
            ? matrix.Criteria.Select((c, i) => scored[i] && IsRedrawn(c, partnership)).ToArray()
            : new bool[criteria];
        var drawn = WeightDraws.For([.. matrix.Criteria.Select(c => c.Weight)], settings);
        var tally = new Tally(types);
        if (redrawn.Any(r => r))
        {
            CountRedrawn(matrix, evidence!, partnership, result, scores, redrawn, drawn, settings, tally);
        }
        else if (Vector256.IsHardwareAccelerated && types > 0)
        {
            CountVectorised(scores, types, criteria, drawn, settings.Draws, matrix.TopN, tally);
        }
        else
        {
            Count(scores, types, criteria, drawn, settings.Draws, matrix.TopN, tally);
        }

        var varied = redrawn.Any(r => r) ? "counts and weights" : "weights";
        var enough = result.ScoredWeightShare >= settings.RobustMinimumScoredWeight;
        var scoredCount = scored.Count(s => s);
        var basis = $"ranked on {scoredCount} of {criteria} criteria";
        var (inTop, best, worst, rankSum) = (tally.InTop, tally.Best, tally.Worst, tally.RankSum);
        var rows = new SensitivityRow[types];
        for (var t = 0; t < types; t++)
        {
            var share = result.IsRanked ? (double)inTop[t] / settings.Draws : 0;
            var pct = Percent(share);
            string robustness;
            if (!result.IsRanked)
            {
                robustness = "Not ranked: no criterion could be scored";
            }
            else if (share >= settings.RobustShare)
            {
                robustness = enough ? RobustPriority : $"Top {matrix.TopN} in {pct} of draws, but {basis}";
            }
            else if (share > 1 - settings.RobustShare)
            {
                robustness = $"Depends on the {varied}";
            }
            else
            {
                robustness = enough ? $"Robustly outside the top {matrix.TopN}" : $"Outside the top {matrix.TopN} in {Percent(1 - share)} of draws, {basis}";
            }

            var statement = string.Create(CultureInfo.InvariantCulture, $"{(result.Rows[t].IsTopPriority ? "stays" : "is")} in the top {matrix.TopN} in {pct} of {settings.Draws:N0} redraws of {varied}");
            rows[t] = new SensitivityRow(result.Rows[t].CrimeType, result.Rows[t].Rank, share, best[t], worst[t], (double)rankSum[t] / settings.Draws, robustness) { Statement = statement };
        }

        var redrawnNames = matrix.Criteria.Where((_, c) => redrawn[c]).Select(c => c.Name).ToArray();
        var fixedNames = matrix.Criteria.Where((_, c) => scored[c] && !redrawn[c]).Select(c => c.Name).ToArray();
        var description = string.Create(CultureInfo.InvariantCulture, $"In each of {settings.Draws:N0} draws (seed {settings.Seed}) ")
            + (redrawnNames.Length > 0
                ? $"every count behind {Join(redrawnNames)} is redrawn within its Poisson uncertainty and those scores recomputed, and "
                : string.Empty)
            + string.Create(CultureInfo.InvariantCulture, $"each weight is redrawn within ±{100 * settings.Spread:0}%")
            + (fixedNames.Length > 0 ? $"; {Join(fixedNames)} {(fixedNames.Length == 1 ? "is" : "are")} held as scored" : string.Empty)
            + (enough ? "." : $". The ranking rests on {scoredCount} of {criteria} criteria, too few to call any place robust.");
        return new SensitivityResult(matrix.TopN, settings.Draws, settings.Spread, settings.Seed, rows)
        {
            Varied = varied,
            RedrawnCriteria = [.. matrix.Criteria.Where((_, c) => redrawn[c]).Select(c => c.Id)],
            FixedCriteria = [.. matrix.Criteria.Where((_, c) => scored[c] && !redrawn[c]).Select(c => c.Id)],
            RestsOnEnoughCriteria = enough,
            Description = description,
        };
    }

    /// <summary>Whether a criterion's score rests on counts that a draw redraws.</summary>
    private static bool IsRedrawn(MatrixCriterion c, PartnershipScores partnership) => c.Kind switch
    {
        CriterionKind.Volume or CriterionKind.Benchmark => true,
        CriterionKind.Trend => c.TrendAgainst == TrendAgainst.Rolling12Months,
        CriterionKind.Deprivation => !CrimeType.Current.Any(t => partnership.For(t, c.Id) is not null),
        _ => false,
    };

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100 * share, MidpointRounding.AwayFromZero):0}%");

    private static string Join(string[] names) => names.Length == 1
        ? names[0].ToLowerInvariant()
        : string.Join(", ", names[..^1].Select(n => n.ToLowerInvariant())) + " and " + names[^1].ToLowerInvariant();

    /// <summary>
    /// Each draw: redraws every crime type's counts (<see cref="Redraw"/>), rescores the redrawn criteria (a redraw that
    /// leaves no evidence keeps the observed score), totals with the draw's weights and ranks.
    /// </summary>
    private static void CountRedrawn(
        MatrixDefinition matrix, IReadOnlyList<CrimeTypeEvidence> evidence, PartnershipScores partnership, MatrixResult result,
        double[] scores, bool[] redrawn, double[] drawn, SensitivitySettings settings, Tally tally)
    {
        var types = result.Rows.Count;
        var criteria = matrix.Criteria.Count;
        var byName = new Dictionary<string, CrimeTypeEvidence>(StringComparer.Ordinal);
        foreach (var e in evidence)
        {
            byName.TryAdd(e.CrimeType.Name, e);
        }

        var rows = result.Rows.Select(r => byName.TryGetValue(r.CrimeType, out var e) ? e : throw new ArgumentException($"No evidence for {r.CrimeType}.", nameof(evidence))).ToArray();
        var random = new Random(unchecked(settings.Seed + 1));
        var draw = new double[scores.Length];
        var totals = new double[types];
        var ranks = new int[types];
        var cache = new Dictionary<(int Type, int Criterion, long A, long B), int>();
        for (var d = 0; d < settings.Draws; d++)
        {
            Array.Copy(scores, draw, scores.Length);
            for (var t = 0; t < types; t++)
            {
                // The counts are drawn in Redraw's order (so a seed gives the same ranking as ever); the evidence record is
                // made only when a score is not yet known for those counts, which after the first draws is rare.
                var e = rows[t];
                var counts = DrawCounts(e, random);
                CrimeTypeEvidence? redrawnEvidence = null;
                for (var c = 0; c < criteria; c++)
                {
                    if (!redrawn[c])
                    {
                        continue;
                    }

                    var (a, b) = Key(matrix.Criteria[c], counts);
                    var key = (t, c, a, b);
                    if (!cache.TryGetValue(key, out var score))
                    {
                        redrawnEvidence ??= WithCounts(e, counts);
                        score = ScoringMatrix.ScoreOnly(matrix, matrix.Criteria[c], redrawnEvidence, partnership) ?? (int)scores[(t * criteria) + c];
                        cache[key] = score;
                    }

                    draw[(t * criteria) + c] = score;
                }
            }

            var w = drawn.AsSpan(d * criteria, criteria);
            for (var t = 0; t < types; t++)
            {
                var total = 0.0;
                for (var c = 0; c < criteria; c++)
                {
                    total += w[c] * draw[(t * criteria) + c];
                }

                totals[t] = total;
            }

            Ranking.CompetitionRanks(totals, ranks);
            for (var t = 0; t < types; t++)
            {
                tally.Add(t, ranks[t], matrix.TopN);
            }
        }
    }

    /// <summary>One draw of the counts behind a crime type's evidence: its count, and its rolling and deprivation contrasts' counts (-1 where it has none).</summary>
    private readonly record struct DrawnCounts(long Count, long RollingEarlier, long RollingLater, long DeprivationEarlier, long DeprivationLater);

    /// <summary>Draws every count of <paramref name="e"/> within its Poisson uncertainty, in a fixed order (count, rolling, deprivation).</summary>
    private static DrawnCounts DrawCounts(CrimeTypeEvidence e, Random random)
    {
        var count = Poisson(e.Count, random);
        var (rollingEarlier, rollingLater) = e.Rolling is { } r ? (Poisson(r.EarlierCount, random), Poisson(r.LaterCount, random)) : (-1L, -1L);
        var (deprivationEarlier, deprivationLater) = e.Deprivation is { } p ? (Poisson(p.EarlierCount, random), Poisson(p.LaterCount, random)) : (-1L, -1L);
        return new DrawnCounts(count, rollingEarlier, rollingLater, deprivationEarlier, deprivationLater);
    }

    // The counts a criterion's score depends on (for the cache of scores of redrawn counts).
    private static (long A, long B) Key(MatrixCriterion c, DrawnCounts n) => c.Kind switch
    {
        CriterionKind.Trend => (n.RollingEarlier, n.RollingLater),
        CriterionKind.Deprivation => (n.DeprivationEarlier, n.DeprivationLater),
        _ => (n.Count, 0),
    };

    /// <summary>Evidence redrawn within its Poisson uncertainty: <see cref="WithCounts"/> of one <see cref="DrawCounts"/>.</summary>
    internal static CrimeTypeEvidence Redraw(CrimeTypeEvidence e, Random random) => WithCounts(e, DrawCounts(e, random));

    /// <summary><paramref name="e"/> with drawn counts, its rate and share recomputed from the count.</summary>
    private static CrimeTypeEvidence WithCounts(CrimeTypeEvidence e, DrawnCounts n)
    {
        var count = n.Count;
        var rate = e.Rate is not null && e.Population is > 0 ? CrudeRate.Calculate(count, e.Population.Value, PerThousand) : e.Rate;
        return e with
        {
            Count = count,
            Rate = rate,
            SharePercent = e.SharePercent is { } s && e.Count > 0 ? s * count / e.Count : e.SharePercent,
            Rolling = e.Rolling?.WithCounts(n.RollingEarlier, n.RollingLater),
            Deprivation = e.Deprivation?.WithCounts(n.DeprivationEarlier, n.DeprivationLater),
        };
    }

    internal static long Poisson(long mean, Random random) => mean <= 0 ? 0 : MathNet.Numerics.Distributions.Poisson.Sample(random, mean);

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
