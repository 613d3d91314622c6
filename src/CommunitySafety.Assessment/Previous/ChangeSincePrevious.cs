using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Assessment.Matrix;

namespace CommunitySafety.Assessment.Previous;

/// <summary>One crime type's movement in the matrix since the previous assessment.</summary>
/// <param name="CrimeType">The crime type's name.</param>
/// <param name="PreviousRank">Its rank in the previous assessment; null when it was not scored then.</param>
/// <param name="CurrentRank">Its rank now.</param>
/// <param name="Movement">Places moved up (positive) or down (negative); null without a previous rank.</param>
/// <param name="WasTopPriority">Whether it was in the previous top N.</param>
/// <param name="IsTopPriority">Whether it is in the current top N.</param>
public sealed record RankMovement(string CrimeType, int? PreviousRank, int CurrentRank, int? Movement, bool WasTopPriority, bool IsTopPriority);

/// <summary>The change in the matrix since a previous assessment.</summary>
/// <param name="PreviousYear">The previous assessment's year, e.g. "2019/20".</param>
/// <param name="TopN">The N compared.</param>
/// <param name="TopPrioritiesUnchanged">Whether the same crime types are in the top N (in any order).</param>
/// <param name="Entered">Crime types that entered the top N.</param>
/// <param name="Left">Crime types that left the top N.</param>
/// <param name="Rows">One row per current crime type, in current rank order.</param>
/// <param name="Summary">The finding in one sentence.</param>
public sealed record ChangeSincePreviousResult(
    string PreviousYear,
    int TopN,
    bool TopPrioritiesUnchanged,
    IReadOnlyList<string> Entered,
    IReadOnlyList<string> Left,
    IReadOnlyList<RankMovement> Rows,
    string Summary);

/// <summary>
/// Compares the matrix with a previous assessment's saved ranks: who moved, who entered or left the top N.
/// </summary>
/// <remarks>
/// The top N is compared as a set: "no change in the highest-scoring crime types" means the same crime types are in
/// the top N, whatever their order. When the previous assessment used a different matrix the comparison still
/// runs but the summary says so, because a change of criteria can move ranks by itself.
/// </remarks>
public static class ChangeSincePrevious
{
    /// <summary>Compares <paramref name="current"/> with the previous ranks.</summary>
    /// <param name="current">The current matrix.</param>
    /// <param name="previousYear">The previous assessment's year.</param>
    /// <param name="previousRanks">Previous rank by crime type name.</param>
    /// <param name="sameMatrix">Whether the previous assessment used the same matrix definition.</param>
    /// <returns>The movements and the summary.</returns>
    public static ChangeSincePreviousResult Compare(MatrixResult current, string previousYear, IReadOnlyDictionary<string, int> previousRanks, bool sameMatrix = true)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previousRanks);
        var topN = current.TopN;
        var rows = current.Rows.Select(r =>
        {
            int? previous = previousRanks.TryGetValue(r.CrimeType, out var p) ? p : null;
            return new RankMovement(r.CrimeType, previous, r.Rank, previous - r.Rank, previous <= topN, r.IsTopPriority);
        }).ToArray();

        var entered = rows.Where(r => r.IsTopPriority && !r.WasTopPriority).Select(r => r.CrimeType).ToArray();
        var left = previousRanks.Where(p => p.Value <= topN && !current.Rows.Any(r => r.CrimeType == p.Key && r.IsTopPriority))
            .OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToArray();
        var unchanged = entered.Length == 0 && left.Length == 0;

        var summary = unchanged
            ? string.Format(CultureInfo.InvariantCulture, "There was no change in the {0} highest-scoring crime types compared with {1}.", topN, previousYear)
            : string.Format(
                CultureInfo.InvariantCulture,
                "Compared with {0}, {1} of the {2} highest-scoring crime types changed: {3}.",
                previousYear,
                Math.Max(entered.Length, left.Length),
                topN,
                string.Join("; ", new[]
                {
                    entered.Length > 0 ? $"{Text.List(entered)} entered" : null,
                    left.Length > 0 ? $"{Text.List(left)} left" : null,
                }.Where(s => s is not null)));
        if (!sameMatrix)
        {
            summary += " The previous assessment used a different matrix, which can move ranks by itself.";
        }

        return new ChangeSincePreviousResult(previousYear, topN, unchanged, entered, left, rows, summary);
    }
}
