using System.Globalization;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment;

/// <summary>
/// Scores crime types on the criteria of a <see cref="MatrixDefinition"/>, totals the weighted scores and ranks them.
/// </summary>
/// <remarks>
/// <para>Each criterion gives a score on the matrix's scale: volume, trend and harm by bands (the score of the last
/// band whose <c>from</c> is at or below the value; a value below every band takes the first band's score);
/// benchmarking by the statistics engine's comparison outcome (<see cref="BenchmarkComparison.Compare(RateResult, double?, Polarity, ComparisonMethod)"/>,
/// low is good); the partnership's criteria from its CSV. Missing evidence (no population, a partial or unreliable
/// year, no score entered) gives the criterion's missing score (by default the middle of the scale), marked as missing.
/// Total = Σ weight × score. Ranks use standard competition ranking: equal totals share a rank and the next rank
/// is skipped (1, 2, 2, 4).</para>
/// <para>Worked example (default matrix, equal weights of 1): a crime type at 12.4 per 1,000 (volume 5), up a
/// significant 15% on the baseline (trend 5), Similar to its peers (benchmarking 3), harm weight 150 (personal harm
/// 4) and partnership scores 4, 3 and 2 totals 5 + 5 + 3 + 4 + 4 + 3 + 2 = 26.</para>
/// </remarks>
public static class ScoringMatrix
{
    /// <summary>Scores and ranks <paramref name="evidence"/> on <paramref name="matrix"/>.</summary>
    /// <param name="matrix">The matrix definition.</param>
    /// <param name="evidence">One entry per crime type.</param>
    /// <param name="partnership">The partnership's scores; <see cref="PartnershipScores.None"/> when none were entered.</param>
    /// <returns>The matrix, rows in rank order.</returns>
    public static MatrixResult Score(MatrixDefinition matrix, IReadOnlyList<CrimeTypeEvidence> evidence, PartnershipScores partnership)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(partnership);
        var scored = evidence
            .Select(e => (e.CrimeType.Name, Scores: matrix.Criteria.Select(c => ScoreCriterion(matrix, c, e, partnership)).ToArray()))
            .Select(r => (r.Name, r.Scores, Total: r.Scores.Sum(s => s.WeightedScore)))
            .ToArray();
        var ranks = Ranking.CompetitionRanks(scored.Select(s => s.Total).ToArray());
        var rows = scored
            .Select((s, i) => new MatrixRow(s.Name, s.Scores, s.Total, ranks[i], ranks[i] <= matrix.TopN))
            .OrderBy(r => r.Rank)
            .ThenBy(r => r.CrimeType, StringComparer.Ordinal)
            .ToArray();
        return new MatrixResult(matrix.TopN, rows);
    }

    /// <summary>The score of one criterion for one crime type.</summary>
    public static CriterionScore ScoreCriterion(MatrixDefinition matrix, MatrixCriterion criterion, CrimeTypeEvidence evidence, PartnershipScores partnership)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(partnership);
        return criterion.Kind switch
        {
            CriterionKind.Volume => Volume(matrix, criterion, evidence),
            CriterionKind.Trend => Trend(matrix, criterion, evidence),
            CriterionKind.Benchmark => Benchmark(matrix, criterion, evidence),
            CriterionKind.Harm => Harm(matrix, criterion, evidence),
            CriterionKind.Partnership => Partnership(matrix, criterion, evidence, partnership),
            _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion.Kind, "Unknown criterion kind."),
        };
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

    private static CriterionScore Volume(MatrixDefinition matrix, MatrixCriterion c, CrimeTypeEvidence e)
    {
        if (!e.IsCompleteYear)
        {
            return Missing(matrix, c, $"partial year ({e.MonthsWithData} of 12 months): volume not scored");
        }

        var (value, what) = c.Measure switch
        {
            VolumeMeasure.Count => ((double?)e.Count, F("{0:N0} crimes", e.Count)),
            VolumeMeasure.SharePercent => (e.SharePercent, e.SharePercent is { } s ? F("{0:0.0}% of recorded crime and ASB", s) : null),
            _ => (e.Rate?.Value, e.Rate?.Value is { } r ? F("{0:0.0} per 1,000", r) : null),
        };
        if (value is not { } v || what is null)
        {
            return Missing(matrix, c, "no population for a rate");
        }

        return Banded(c, v, what);
    }

    private static CriterionScore Trend(MatrixDefinition matrix, MatrixCriterion c, CrimeTypeEvidence e)
    {
        var change = c.TrendAgainst == TrendAgainst.PreviousYear ? e.SinceLastYear : e.SinceBaseline;
        if (change is null)
        {
            return Missing(matrix, c, c.TrendAgainst == TrendAgainst.PreviousYear ? "no previous year" : "no baseline year");
        }

        if (!change.IsCompared)
        {
            return Missing(matrix, c, $"{change.From} to {change.To} not compared: {change.NotComparedReason}");
        }

        if (!change.IsSignificant)
        {
            var score = c.NotSignificantScore ?? matrix.MiddleScore;
            return new CriterionScore(c.Id, score, c.Weight, c.Weight * score, change.RatePercentChange,
                F("rate {0} since {1}, not significant (p = {2:0.000}): scores {3}", Percent(change.RatePercentChange), change.From, change.PValue ?? 1, score), false);
        }

        if (change.RatePercentChange is not { } pct)
        {
            return Missing(matrix, c, "no rate in the earlier year");
        }

        var (bandScore, band) = Band(c.Bands, pct);
        return new CriterionScore(c.Id, bandScore, c.Weight, c.Weight * bandScore, pct,
            F("rate {0} since {1}, significant (p = {2:0.000}): {3} scores {4}", Percent(pct), change.From, change.PValue ?? 0, BandText(band, "%"), bandScore), false);
    }

    private static CriterionScore Benchmark(MatrixDefinition matrix, MatrixCriterion c, CrimeTypeEvidence e)
    {
        var (benchmark, name) = c.BenchmarkAgainst == BenchmarkAgainst.EnglandAndWales
            ? (e.NationalRate, "England and Wales")
            : (e.PeerGroupRate, "the peer group");
        if (!e.IsCompleteYear)
        {
            return Missing(matrix, c, $"partial year ({e.MonthsWithData} of 12 months): not compared");
        }

        if (e.Rate is not { } rate || rate.Value is not { } value || benchmark is not { } b)
        {
            return Missing(matrix, c, $"no rate to compare with {name}");
        }

        var outcome = BenchmarkComparison.Compare(rate, b, Polarity.LowIsGood, c.ComparisonMethod);
        if (!c.Outcomes.TryGetValue(outcome, out var score))
        {
            return Missing(matrix, c, F("{0:0.0} per 1,000 against {1} {2:0.0}: {3}, which has no score", value, name, b, outcome.ToLabel()));
        }

        return new CriterionScore(c.Id, score, c.Weight, c.Weight * score, value,
            F("{0:0.0} per 1,000 (95% CI {1:0.0}–{2:0.0}) against {3} {4:0.0}: {5}, scores {6}", value, rate.Lower95 ?? 0, rate.Upper95 ?? 0, name, b, outcome.ToLabel(), score), false);
    }

    private static CriterionScore Harm(MatrixDefinition matrix, MatrixCriterion c, CrimeTypeEvidence e) =>
        e.Harm is { } h
            ? Banded(c, h.Weight, F("harm weight {0:0.##}", h.Weight))
            : Missing(matrix, c, "no harm weight for this crime type");

    private static CriterionScore Partnership(MatrixDefinition matrix, MatrixCriterion c, CrimeTypeEvidence e, PartnershipScores partnership)
    {
        if (partnership.For(e.CrimeType, c.Id) is not { } entered)
        {
            return Missing(matrix, c, "not entered by the partnership");
        }

        var evidence = entered.Evidence.Length > 0 ? $"entered by the partnership: {entered.Evidence}" : "entered by the partnership";
        return new CriterionScore(c.Id, entered.Score, c.Weight, c.Weight * entered.Score, entered.Score, evidence, false);
    }

    private static CriterionScore Banded(MatrixCriterion c, double value, string what)
    {
        var (score, band) = Band(c.Bands, value);
        return new CriterionScore(c.Id, score, c.Weight, c.Weight * score, value, F("{0}: {1} scores {2}", what, BandText(band, string.Empty), score), false);
    }

    private static CriterionScore Missing(MatrixDefinition matrix, MatrixCriterion c, string reason)
    {
        var score = c.MissingScore ?? matrix.MiddleScore;
        return new CriterionScore(c.Id, score, c.Weight, c.Weight * score, null, $"{reason}; missing score {score}", true);
    }

    private static string BandText(ScoreBand band, string unit) =>
        band.From is { } from ? F("band from {0:0.##}{1}", from, unit) : "lowest band";

    private static string Percent(double? value) =>
        value is { } v ? F("{0}{1:0.0}%", v >= 0 ? "+" : "−", Math.Abs(v)) : "n/a";

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
