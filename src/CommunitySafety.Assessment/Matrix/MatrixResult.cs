using System.Globalization;
using CommunitySafety.Assessment.Trends;

namespace CommunitySafety.Assessment.Matrix;

/// <summary>One criterion's score for one crime type, with the evidence behind it.</summary>
/// <param name="CriterionId">The criterion's id.</param>
/// <param name="Score">The score on the matrix's scale; 0 when the criterion is not scored for the area (<paramref name="IsMissing"/>).</param>
/// <param name="Weight">The weight the score counts with: the criterion's weight shared out over the scored criteria (see <see cref="CriterionStatus.EffectiveWeight"/>); 0 when not scored.</param>
/// <param name="WeightedScore">Weight × score.</param>
/// <param name="Value">The number that was banded (rate, percentage change, rate ratio, harm weight), when there is one.</param>
/// <param name="Evidence">The evidence in words, e.g. "12.4 per 1,000: band from 10 scores 5", or why the criterion is not scored.</param>
/// <param name="IsMissing">
/// True when the criterion is not scored for the area (no evidence for this or another crime type): it counts nothing in the
/// total and <see cref="MatrixResult.Criteria"/> gives the reason and what would fix it. No score is ever made up.
/// </param>
public sealed record CriterionScore(
    string CriterionId,
    int Score,
    double Weight,
    double WeightedScore,
    double? Value,
    string Evidence,
    bool IsMissing);

/// <summary>One crime type's row of the matrix.</summary>
/// <param name="CrimeType">The crime type's name.</param>
/// <param name="Scores">The score per criterion, in the matrix's order (not-scored criteria included, marked and counting nothing).</param>
/// <param name="Total">Σ effective weight × score over the scored criteria.</param>
/// <param name="Rank">1 for the highest total; equal totals share a rank (1, 2, 2, 4).</param>
/// <param name="IsTopPriority">Whether the rank is within the matrix's top N.</param>
public sealed record MatrixRow(string CrimeType, IReadOnlyList<CriterionScore> Scores, double Total, int Rank, bool IsTopPriority);

/// <summary>Whether a criterion was scored for the area, on what evidence, or why not and what would fix it.</summary>
/// <param name="Id">The criterion's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What it is scored from.</param>
/// <param name="IsScored">Whether every crime type had evidence, so that the criterion counts in the ranking.</param>
/// <param name="Weight">Its weight in the matrix.</param>
/// <param name="EffectiveWeight">The weight it counts with: weight × (Σ all weights ÷ Σ scored weights) when scored, else 0.</param>
/// <param name="Evidence">What it was scored from (source, periods, method) when scored; the evidence it lacked when not.</param>
/// <param name="Reason">Why it was not scored; null when scored.</param>
/// <param name="Fix">What would let it be scored; null when scored.</param>
/// <param name="CrimeTypesWithoutEvidence">The crime types that lacked evidence (all of them, or those missing from a partial column).</param>
public sealed record CriterionStatus(
    string Id,
    string Name,
    CriterionKind Kind,
    bool IsScored,
    double Weight,
    double EffectiveWeight,
    string Evidence,
    string? Reason,
    string? Fix,
    IReadOnlyList<string> CrimeTypesWithoutEvidence)
{
    /// <summary>
    /// The criterion in one sentence for tables, reports and key messages, e.g. "Public concern: not scored — no
    /// partnership scores given; add a publicConcern column to the partnership scores file (csp assess --scores &lt;file&gt;)."
    /// </summary>
    public string Text => IsScored
        ? $"{Name}: scored from {Evidence}."
        : $"{Name}: not scored — {Reason}; {Fix}.";
}

/// <summary>The scored matrix: rows ordered by rank, then crime type name.</summary>
/// <param name="TopN">How many ranks count as top priorities.</param>
/// <param name="Rows">The rows.</param>
public sealed record MatrixResult(int TopN, IReadOnlyList<MatrixRow> Rows)
{
    /// <summary>Each criterion of the matrix, in its order: scored (on what evidence) or not (why, and what would fix it).</summary>
    public IReadOnlyList<CriterionStatus> Criteria { get; init; } = [];

    /// <summary>The share (0 to 1) of the matrix's total weight held by the scored criteria.</summary>
    public double ScoredWeightShare { get; init; } = 1;

    /// <summary>The periods the trend criterion compared, e.g. "Jan 2025–Dec 2025 against Jan 2024–Dec 2024"; null when it was not scored.</summary>
    public string? TrendPeriods { get; init; }

    /// <summary>The deprivation evidence behind disproportionate impact (index, populations, months, deciles compared); null when not used.</summary>
    public string? DeprivationSource { get; init; }

    /// <summary>
    /// Each crime type's change over the latest complete 12 months against the 12 before (the rolling trend's evidence,
    /// exact test of two Poisson rates), by crime type name, for tables, reports and key messages; empty when the area has no
    /// such periods.
    /// </summary>
    public IReadOnlyDictionary<string, ChangeResult> RollingChanges { get; init; } = new Dictionary<string, ChangeResult>();

    /// <summary>The crime types ranked within the top N, in rank order.</summary>
    public IReadOnlyList<string> TopPriorities => [.. Rows.Where(r => r.IsTopPriority).Select(r => r.CrimeType)];

    /// <summary>The criteria not scored for the area.</summary>
    public IReadOnlyList<CriterionStatus> NotScored => [.. Criteria.Where(c => !c.IsScored)];

    /// <summary>Whether any criterion was scored (with none, there is no ranking: every crime type shares rank 1 and none is a top priority).</summary>
    public bool IsRanked => Criteria.Count == 0 || Criteria.Any(c => c.IsScored && c.Weight > 0);

    /// <summary>
    /// What the ranking rests on, in one sentence for reports and key messages, e.g. "The ranking rests on 4 of the 7
    /// criteria (volume, trend, benchmarking and personal harm); not scored: public concern, disproportionate impact and
    /// drug/alcohol link, whose weight is shared over the scored criteria."
    /// </summary>
    public string Basis
    {
        get
        {
            var scored = Criteria.Where(c => c.IsScored).Select(c => c.Name.ToLowerInvariant()).ToArray();
            var not = Criteria.Where(c => !c.IsScored).Select(c => c.Name.ToLowerInvariant()).ToArray();
            if (Criteria.Count == 0)
            {
                return string.Empty;
            }

            if (scored.Length == 0)
            {
                return $"No criterion could be scored ({List(not)}): there is no ranking.";
            }

            var text = string.Create(CultureInfo.InvariantCulture, $"The ranking rests on {scored.Length} of the {Criteria.Count} criteria ({List(scored)})");
            return not.Length == 0
                ? text + "."
                : text + $"; not scored: {List(not)}, whose weight is shared over the scored criteria.";
        }
    }

    private static string List(string[] items) => items.Length switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items[..^1]) + " and " + items[^1],
    };
}
