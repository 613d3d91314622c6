using System.Globalization;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Matrix;

/// <summary>
/// Scores crime types on the criteria of a <see cref="MatrixDefinition"/> from evidence, totals the weighted scores of the
/// criteria that could be scored and ranks them.
/// </summary>
/// <remarks>
/// <para>Each criterion gives a score on the matrix's scale from evidence only: volume, trend, deprivation and harm by bands
/// (the score of the last band whose <c>from</c> is at or below the value; a value below every band takes the first band's
/// score); trend and deprivation by bands only when the statistics engine finds the change or ratio significant (exact test
/// of two Poisson rates, <see cref="PeriodChange.ForRates"/>), else the criterion's not-significant score; benchmarking by
/// the engine's comparison outcome (<see cref="BenchmarkComparison.Compare(RateResult, double?, Polarity, ComparisonMethod)"/>,
/// low is good); the partnership's criteria from its CSV.</para>
/// <para><b>Not scored.</b> A criterion is scored for the area only when every crime type has evidence for it. When one or
/// more lack it (a partial year, no rolling periods, no deprivation index, no partnership scores, or a partnership column
/// that scores some crime types and not others), the criterion is not scored for any crime type: no score is made up,
/// and a score for some crime types only would rank the others on fewer criteria. Its weight is shared over the scored
/// criteria in proportion to their weights: effective weight = weight × (Σ all weights ÷ Σ scored weights), so totals stay
/// on the full matrix's scale. <see cref="MatrixResult.Criteria"/> says which criteria were scored, on what evidence, and
/// for those not scored, why and what would fix it.</para>
/// <para>Total = Σ effective weight × score. Ranks use standard competition ranking: equal totals share a rank and the
/// next rank is skipped (1, 2, 2, 4). With no criterion scored there is no ranking: every crime type shares rank 1 and
/// none is a top priority.</para>
/// <para>Worked example (default matrix, equal weights of 1): a crime type at 12.4 per 1,000 (volume 5), up a
/// significant 15% on the 12 months before (trend 5), Similar to its peers (benchmarking 3), harm weight 150 (personal
/// harm 4) and partnership scores 4, 3 and 2 totals 5 + 5 + 3 + 4 + 4 + 3 + 2 = 26. Without the partnership's file the
/// three partnership criteria are not scored, the other four carry weight 7/4 each and the total is
/// 7/4 × (5 + 5 + 3 + 4) = 29.75.</para>
/// </remarks>
public static class ScoringMatrix
{
    /// <summary>Scores and ranks <paramref name="evidence"/> on <paramref name="matrix"/>.</summary>
    /// <param name="matrix">The matrix definition.</param>
    /// <param name="evidence">One entry per crime type.</param>
    /// <param name="partnership">The partnership's scores; <see cref="PartnershipScores.None"/> when none were entered.</param>
    /// <returns>The matrix, rows in rank order, with each criterion's status.</returns>
    public static MatrixResult Score(MatrixDefinition matrix, IReadOnlyList<CrimeTypeEvidence> evidence, PartnershipScores partnership)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(partnership);
        var criteria = matrix.Criteria;
        var assessed = evidence.Select(e => criteria.Select(c => Assess(matrix, c, e, partnership)).ToArray()).ToArray();
        var statuses = Statuses(matrix, evidence, partnership, assessed);

        var rows = new (string Name, CriterionScore[] Scores, double Total)[evidence.Count];
        for (var t = 0; t < evidence.Count; t++)
        {
            var scores = new CriterionScore[criteria.Count];
            for (var c = 0; c < criteria.Count; c++)
            {
                var a = assessed[t][c];
                var status = statuses[c];
                scores[c] = status.IsScored
                    ? new CriterionScore(criteria[c].Id, a.Score!.Value, status.EffectiveWeight, status.EffectiveWeight * a.Score.Value, a.Value, a.Evidence, false)
                    : new CriterionScore(criteria[c].Id, 0, 0, 0, a.Value, NotScoredEvidence(a, status), true);
            }

            rows[t] = (evidence[t].CrimeType.Name, scores, scores.Sum(s => s.WeightedScore));
        }

        var ranks = Ranking.CompetitionRanks(rows.Select(s => s.Total).ToArray());
        var ranked = statuses.Any(s => s.IsScored && s.Weight > 0);
        var result = rows
            .Select((s, i) => new MatrixRow(s.Name, s.Scores, s.Total, ranks[i], ranked && ranks[i] <= matrix.TopN))
            .OrderBy(r => r.Rank)
            .ThenBy(r => r.CrimeType, StringComparer.Ordinal)
            .ToArray();
        var scoredWeight = statuses.Where(s => s.IsScored).Sum(s => s.Weight);
        var trend = criteria.Select((c, i) => (c, i)).FirstOrDefault(p => p.c.Kind == CriterionKind.Trend && statuses[p.i].IsScored);
        var deprivation = criteria.Select((c, i) => (c, i)).FirstOrDefault(p => p.c.Kind == CriterionKind.Deprivation && statuses[p.i].IsScored && !HasPartnershipScores(partnership, p.c));
        return new MatrixResult(matrix.TopN, result)
        {
            Criteria = statuses,
            ScoredWeightShare = matrix.TotalWeight > 0 ? scoredWeight / matrix.TotalWeight : 0,
            TrendPeriods = trend.c is not null && evidence.Count > 0 ? TrendPeriods(trend.c, evidence[0]) : null,
            DeprivationSource = deprivation.c is not null && evidence.Count > 0 ? evidence[0].DeprivationSource : null,
            RollingChanges = evidence.Where(e => e.Rolling is not null).ToDictionary(e => e.CrimeType.Name, e => e.Rolling!.Compare()),
        };
    }

    /// <summary>
    /// The score of one criterion for one crime type with the criterion's own weight, or a score marked
    /// <see cref="CriterionScore.IsMissing"/> (0, weight 0) with the reason when there is no evidence.
    /// </summary>
    public static CriterionScore ScoreCriterion(MatrixDefinition matrix, MatrixCriterion criterion, CrimeTypeEvidence evidence, PartnershipScores partnership)
    {
        var a = Assess(matrix, criterion, evidence, partnership);
        return a.Score is { } s
            ? new CriterionScore(criterion.Id, s, criterion.Weight, criterion.Weight * s, a.Value, a.Evidence, false)
            : new CriterionScore(criterion.Id, 0, 0, 0, null, $"not scored: {a.Evidence}", true);
    }

    /// <summary>
    /// The score of one criterion for one crime type from its evidence, null when there is none: the score
    /// <see cref="ScoreCriterion"/> gives, without its words, for the sensitivity analysis to rescore redrawn evidence
    /// thousands of times. The exact test is the engine's (<see cref="PeriodChange.BinomialTestTwoSided"/>, the test of
    /// <see cref="PeriodChange.ForRates"/>) without the rate ratio's interval, which no score uses.
    /// </summary>
    internal static int? ScoreOnly(MatrixDefinition matrix, MatrixCriterion criterion, CrimeTypeEvidence evidence, PartnershipScores partnership)
    {
        switch (criterion.Kind)
        {
            case CriterionKind.Volume:
                double? value = criterion.Measure switch
                {
                    VolumeMeasure.Count => evidence.Count,
                    VolumeMeasure.SharePercent => evidence.SharePercent,
                    _ => evidence.Rate?.Value,
                };
                return evidence.IsCompleteYear && value is { } v ? Band(criterion.Bands, v).Score : null;
            case CriterionKind.Benchmark:
                var benchmark = criterion.BenchmarkAgainst == BenchmarkAgainst.EnglandAndWales ? evidence.NationalRate : evidence.PeerGroupRate;
                if (!evidence.IsCompleteYear || evidence.Rate is not { Value: not null } rate || benchmark is not { } b)
                {
                    return null;
                }

                return criterion.Outcomes.TryGetValue(BenchmarkComparison.Compare(rate, b, Polarity.LowIsGood, criterion.ComparisonMethod), out var score) ? score : null;
            case CriterionKind.Trend when criterion.TrendAgainst == TrendAgainst.Rolling12Months:
                return evidence.Rolling is { } rolling ? ContrastScore(matrix, criterion, rolling, ratio: false) : null;
            case CriterionKind.Deprivation when !HasPartnershipScores(partnership, criterion):
                return evidence.Deprivation is { } contrast ? ContrastScore(matrix, criterion, contrast, ratio: true) : null;
            default:
                return Assess(matrix, criterion, evidence, partnership).Score;
        }
    }

    /// <summary>The score of a rolling trend (percentage change) or deprivation contrast (rate ratio), as <see cref="Trend"/> and <see cref="Deprivation"/> give it.</summary>
    private static int ContrastScore(MatrixDefinition matrix, MatrixCriterion c, RateContrast r, bool ratio)
    {
        // The rates, null hypothesis and level of PeriodChange.ForRates (multiplier 1,000, 95% two-sided), in its order of operations.
        var earlierRate = r.EarlierCount / r.EarlierPopulation * StrategicAssessment.RateMultiplier;
        var laterRate = r.LaterCount / r.LaterPopulation * StrategicAssessment.RateMultiplier;
        var p = PeriodChange.BinomialTestTwoSided(r.LaterCount, r.EarlierCount + r.LaterCount, r.LaterPopulation / (r.EarlierPopulation + r.LaterPopulation));
        if (!(p < 0.05))
        {
            return c.NotSignificantScore ?? matrix.MiddleScore;
        }

        var value = r.EarlierCount <= 0 ? double.PositiveInfinity : ratio ? laterRate / earlierRate : (laterRate - earlierRate) / earlierRate * 100;
        return Band(c.Bands, value).Score;
    }

    /// <summary>The score of the last band whose lower bound is at or below <paramref name="value"/>, and that band.</summary>
    public static (int Score, ScoreBand Band) Band(IReadOnlyList<ScoreBand> bands, double value)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Count == 0)
        {
            throw new ArgumentException("There are no bands.", nameof(bands));
        }

        var chosen = bands[0];
        foreach (var band in bands)
        {
            if (band.From is not { } from || value >= from)
            {
                chosen = band;
            }
        }

        return (chosen.Score, chosen);
    }

    /// <summary>One criterion assessed for one crime type: a score and the evidence in words, or no score, the reason and the fix.</summary>
    private readonly record struct Assessed(int? Score, double? Value, string Evidence, string? Fix);

    private static Assessed Assess(MatrixDefinition matrix, MatrixCriterion criterion, CrimeTypeEvidence evidence, PartnershipScores partnership)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(partnership);
        return criterion.Kind switch
        {
            CriterionKind.Volume => Volume(criterion, evidence),
            CriterionKind.Trend => Trend(matrix, criterion, evidence),
            CriterionKind.Benchmark => Benchmark(criterion, evidence),
            CriterionKind.Harm => Harm(criterion, evidence),
            CriterionKind.Partnership => Partnership(criterion, evidence, partnership),
            CriterionKind.Deprivation => HasPartnershipScores(partnership, criterion) ? Partnership(criterion, evidence, partnership) : Deprivation(matrix, criterion, evidence),
            _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion.Kind, "Unknown criterion kind."),
        };
    }

    private static bool HasPartnershipScores(PartnershipScores partnership, MatrixCriterion criterion) =>
        Crime.CrimeType.Current.Any(t => partnership.For(t, criterion.Id) is not null);

    private static Assessed Volume(MatrixCriterion c, CrimeTypeEvidence e)
    {
        if (!e.IsCompleteYear)
        {
            return Missing($"the assessment year has {e.MonthsWithData} of 12 months", "assess a complete financial year, or import the missing months");
        }

        var (value, what) = c.Measure switch
        {
            VolumeMeasure.Count => ((double?)e.Count, F("{0:N0} crimes", e.Count)),
            VolumeMeasure.SharePercent => (e.SharePercent, e.SharePercent is { } s ? F("{0:0.0}% of recorded crime and ASB", s) : null),
            _ => (e.Rate?.Value, e.Rate?.Value is { } r ? F("{0:0.0} per 1,000", r) : null),
        };
        return value is { } v && what is not null
            ? Banded(c, v, what)
            : Missing("no population for a rate", "import population estimates for the area (csp import population)");
    }

    private static Assessed Trend(MatrixDefinition matrix, MatrixCriterion c, CrimeTypeEvidence e)
    {
        ChangeResult change;
        if (c.TrendAgainst == TrendAgainst.Rolling12Months)
        {
            if (e.Rolling is not { } rolling)
            {
                return Missing(e.RollingNote ?? "no rolling 12-month periods were loaded", "import police.uk data for at least 24 consecutive months for the area's force(s)");
            }

            change = rolling.Compare();
        }
        else
        {
            var fixedYear = c.TrendAgainst == TrendAgainst.PreviousYear ? e.SinceLastYear : e.SinceBaseline;
            var what = c.TrendAgainst == TrendAgainst.PreviousYear ? "previous year" : "baseline year";
            const string fix = "choose a complete, reliable year to compare with (--baseline), or use \"trendAgainst\": \"Rolling12Months\" in the matrix";
            if (fixedYear is null)
            {
                return Missing($"no {what}", fix);
            }

            if (!fixedYear.IsCompared)
            {
                return Missing($"{fixedYear.From} to {fixedYear.To} not compared: {fixedYear.NotComparedReason}", fix);
            }

            change = fixedYear;
        }

        var since = $"{change.To} against {change.From}";
        if (!change.IsSignificant)
        {
            var score = c.NotSignificantScore ?? matrix.MiddleScore;
            return new Assessed(score, change.RatePercentChange,
                F("rate {0} ({1}), not significant (p = {2:0.000}): scores {3}", Percent(change.RatePercentChange), since, change.PValue ?? 1, score), null);
        }

        // A significant rise from none: a percentage cannot be given, and the rise is above every band.
        var pct = change.RatePercentChange ?? double.PositiveInfinity;
        var (bandScore, band) = Band(c.Bands, pct);
        var text = change.RatePercentChange is null ? F("from 0 to {0:N0}", change.ToCount) : F("rate {0}", Percent(pct));
        return new Assessed(bandScore, change.RatePercentChange,
            F("{0} ({1}), significant (p {2}): {3} scores {4}", text, since, PValue(change.PValue ?? 0), BandText(band, "%"), bandScore), null);
    }

    private static Assessed Benchmark(MatrixCriterion c, CrimeTypeEvidence e)
    {
        var (benchmark, name, fix) = c.BenchmarkAgainst == BenchmarkAgainst.EnglandAndWales
            ? (e.NationalRate, "England and Wales", "import every force's police.uk data for the year, so that England and Wales can be compared")
            : (e.PeerGroupRate, "the peer group", "import the police.uk files of the forces of the peer areas named in the peer group (or give your own peer group with --peers <file>) so that the peers have data for the year");
        if (!e.IsCompleteYear)
        {
            return Missing($"the assessment year has {e.MonthsWithData} of 12 months", "assess a complete financial year, or import the missing months");
        }

        if (e.Rate is not { } rate || rate.Value is not { } value)
        {
            return Missing("no population for a rate", "import population estimates for the area (csp import population)");
        }

        if (benchmark is not { } b)
        {
            return Missing($"no rate for {name}", fix);
        }

        var outcome = BenchmarkComparison.Compare(rate, b, Polarity.LowIsGood, c.ComparisonMethod);
        if (!c.Outcomes.TryGetValue(outcome, out var score))
        {
            return Missing(F("{0:0.0} per 1,000 against {1} {2:0.0}: {3}, which the matrix gives no score", value, name, b, outcome.ToLabel()), $"add a score for {outcome} to the criterion's outcomes in the matrix");
        }

        return new Assessed(score, value,
            F("{0:0.0} per 1,000 (95% CI {1:0.0}–{2:0.0}) against {3} {4:0.0}: {5}, scores {6}", value, rate.Lower95 ?? 0, rate.Upper95 ?? 0, name, b, outcome.ToLabel(), score), null);
    }

    private static Assessed Harm(MatrixCriterion c, CrimeTypeEvidence e) =>
        e.Harm is { } h
            ? Banded(c, h.Weight, F("harm weight {0:0.##}", h.Weight))
            : Missing("no harm weight in the harm weights file", $"add a weight for {e.CrimeType.Name} to the harm weights file (--harm)");

    private static Assessed Partnership(MatrixCriterion c, CrimeTypeEvidence e, PartnershipScores partnership)
    {
        if (partnership.For(e.CrimeType, c.Id) is not { } entered)
        {
            return Missing(
                partnership.Count == 0 ? "no partnership scores given" : $"the partnership scores file ({partnership.Source}) gives no {c.Id} score",
                $"add a {c.Id} column to the partnership scores file with a score for every crime type (csp assess --scores <file>)");
        }

        var evidence = entered.Evidence.Length > 0 ? $"entered by the partnership: {entered.Evidence}" : "entered by the partnership (no evidence given)";
        return new Assessed(entered.Score, entered.Score, evidence, null);
    }

    private static Assessed Deprivation(MatrixDefinition matrix, MatrixCriterion c, CrimeTypeEvidence e)
    {
        if (e.Deprivation is not { } contrast)
        {
            return Missing(
                e.DeprivationNote ?? "no deprivation evidence was loaded",
                $"import the English Indices of Deprivation (LSOA deciles) into the store, or add a {c.Id} column to the partnership scores file (csp assess --scores <file>)");
        }

        var change = contrast.Compare();
        var rates = F("{0}: {1:0.0} per 1,000 residents against {2}: {3:0.0}", contrast.LaterLabel, change.ToRate ?? 0, contrast.EarlierLabel, change.FromRate ?? 0);
        double? ratio = change.FromRate is > 0 && change.ToRate is { } to ? to / change.FromRate.Value : null;
        var interval = change.RateRatioLower95 is { } lo ? F(" (95% CI {0:0.00}–{1})", lo, change.RateRatioUpper95 is { } hi ? F("{0:0.00}", hi) : "∞") : string.Empty;
        var ratioText = ratio is { } r ? F("ratio {0:0.00}{1}", r, interval) : "no records in the least deprived group";
        if (!change.IsSignificant)
        {
            var score = c.NotSignificantScore ?? matrix.MiddleScore;
            return new Assessed(score, ratio, F("{0}; {1}, not significant (p = {2:0.000}): scores {3}", rates, ratioText, change.PValue ?? 1, score), null);
        }

        var value = ratio ?? double.PositiveInfinity;
        var (bandScore, band) = Band(c.Bands, value);
        return new Assessed(bandScore, ratio, F("{0}; {1}, significant (p {2}): {3} scores {4}", rates, ratioText, PValue(change.PValue ?? 0), BandText(band, "×"), bandScore), null);
    }

    private static Assessed Banded(MatrixCriterion c, double value, string what)
    {
        var (score, band) = Band(c.Bands, value);
        return new Assessed(score, value, F("{0}: {1} scores {2}", what, BandText(band, string.Empty), score), null);
    }

    private static Assessed Missing(string reason, string fix) => new(null, null, reason, fix);

    /// <summary>Each criterion's status: scored when every crime type has evidence, with the weights shared out.</summary>
    private static CriterionStatus[] Statuses(MatrixDefinition matrix, IReadOnlyList<CrimeTypeEvidence> evidence, PartnershipScores partnership, Assessed[][] assessed)
    {
        var criteria = matrix.Criteria;
        var scored = new bool[criteria.Count];
        for (var c = 0; c < criteria.Count; c++)
        {
            scored[c] = evidence.Count > 0 && assessed.All(row => row[c].Score is not null);
        }

        var scoredWeight = criteria.Where((_, c) => scored[c]).Sum(c => c.Weight);
        var factor = scoredWeight > 0 ? matrix.TotalWeight / scoredWeight : 0;
        var statuses = new CriterionStatus[criteria.Count];
        for (var c = 0; c < criteria.Count; c++)
        {
            var criterion = criteria[c];
            var source = Source(criterion, evidence, partnership);
            if (scored[c])
            {
                statuses[c] = new CriterionStatus(criterion.Id, criterion.Name, criterion.Kind, true, criterion.Weight, criterion.Weight * factor, source, null, null, []);
                continue;
            }

            var without = evidence.Select((e, t) => (e.CrimeType.Name, A: assessed[t][c])).Where(p => p.A.Score is null).ToArray();
            var reasons = without.GroupBy(p => p.A.Evidence).ToArray();
            string reason, fix;
            if (evidence.Count == 0)
            {
                (reason, fix) = ("there are no crime types to score", "load police.uk data for the area");
            }
            else if (without.Length == evidence.Count && reasons.Length == 1)
            {
                (reason, fix) = (reasons[0].Key, without[0].A.Fix!);
            }
            else if (criterion.Kind is CriterionKind.Partnership or CriterionKind.Deprivation && HasPartnershipScores(partnership, criterion))
            {
                reason = F("the partnership scores file gives it for {0} of {1} crime types (not for {2}), and a score for some crime types only would rank the others on fewer criteria",
                    evidence.Count - without.Length, evidence.Count, string.Join(", ", without.Select(w => w.Name)));
                fix = $"give a score for every crime type in the {criterion.Id} column of the partnership scores file, or remove the column";
            }
            else
            {
                reason = F("no evidence for {0} of {1} crime types ({2})", without.Length, evidence.Count,
                    string.Join("; ", reasons.Select(g => $"{string.Join(", ", g.Select(p => p.Name))}: {g.Key}")));
                fix = string.Join("; ", without.Select(w => w.A.Fix!).Distinct(StringComparer.Ordinal));
            }

            statuses[c] = new CriterionStatus(criterion.Id, criterion.Name, criterion.Kind, false, criterion.Weight, 0, source, reason, fix, [.. without.Select(w => w.Name)]);
        }

        return statuses;
    }

    /// <summary>What a criterion is scored from, in words.</summary>
    private static string Source(MatrixCriterion c, IReadOnlyList<CrimeTypeEvidence> evidence, PartnershipScores partnership)
    {
        var first = evidence.Count > 0 ? evidence[0] : null;
        return c.Kind switch
        {
            CriterionKind.Volume => c.Measure switch
            {
                VolumeMeasure.Count => "police.uk records in the assessment year",
                VolumeMeasure.SharePercent => "each crime type's share of police.uk records in the assessment year",
                _ => "police.uk records per 1,000 residents in the assessment year",
            },
            CriterionKind.Trend => first is not null && TrendPeriods(c, first) is { } periods
                ? $"the rate in {periods}, exact test of two Poisson rates (95%){(c.TrendAgainst == TrendAgainst.Rolling12Months && first.RollingSource is { } populations ? $"; {populations}" : string.Empty)}"
                : "the change in the rate, exact test of two Poisson rates (95%)",
            CriterionKind.Benchmark => c.BenchmarkAgainst == BenchmarkAgainst.EnglandAndWales
                ? "the rate against England and Wales's (confidence intervals)"
                : "the rate against the peer group rate, ΣCount / ΣPopulation (confidence intervals)",
            CriterionKind.Harm => "the harm weights file",
            CriterionKind.Deprivation when HasPartnershipScores(partnership, c) => $"the partnership's scores ({partnership.Source})",
            CriterionKind.Deprivation => first?.DeprivationSource is { } d
                ? $"the rate in the area's most deprived LSOAs against its least deprived, exact test of two Poisson rates (95%): {d}"
                : "the rate in the area's most deprived LSOAs against its least deprived (no deprivation evidence)",
            _ => $"the partnership's scores ({partnership.Source})",
        };
    }

    private static string? TrendPeriods(MatrixCriterion c, CrimeTypeEvidence e) => c.TrendAgainst switch
    {
        TrendAgainst.Rolling12Months => e.Rolling is { } r ? $"{r.LaterLabel} against {r.EarlierLabel} (the latest complete 12 months against the 12 before)" : null,
        TrendAgainst.PreviousYear => e.SinceLastYear is { } l ? $"{l.To} against {l.From}" : null,
        _ => e.SinceBaseline is { } b ? $"{b.To} against {b.From} (baseline)" : null,
    };

    private static string NotScoredEvidence(Assessed a, CriterionStatus status) =>
        a.Score is { } s
            ? $"not counted ({status.Name} is not scored for the area: {status.Reason}); on its own: {a.Evidence}, would score {s}"
            : $"not scored: {a.Evidence}";

    private static string BandText(ScoreBand band, string unit) =>
        band.From is { } from ? F("band from {0:0.##}{1}", from, unit) : "lowest band";

    private static string Percent(double? value) =>
        value is { } v ? F("{0}{1:0.0}%", v >= 0 ? "+" : "−", Math.Abs(v)) : "n/a";

    private static string PValue(double p) => p < 0.001 ? "< 0.001" : F("= {0:0.000}", p);

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
