namespace CommunitySafety.Assessment;

/// <summary>One criterion's score for one crime type, with the evidence behind it.</summary>
/// <param name="CriterionId">The criterion's id.</param>
/// <param name="Score">The score on the matrix's scale.</param>
/// <param name="Weight">The criterion's weight.</param>
/// <param name="WeightedScore">Weight × score.</param>
/// <param name="Value">The number that was banded (rate, percentage change, harm weight), when there is one.</param>
/// <param name="Evidence">The evidence in words, e.g. "12.4 per 1,000: band from 10 scores 5".</param>
/// <param name="IsMissing">True when the evidence was missing and the missing score was used.</param>
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
/// <param name="Scores">The score per criterion, in the matrix's order.</param>
/// <param name="Total">Σ weight × score.</param>
/// <param name="Rank">1 for the highest total; equal totals share a rank (1, 2, 2, 4).</param>
/// <param name="IsTopPriority">Whether the rank is within the matrix's top N.</param>
public sealed record MatrixRow(string CrimeType, IReadOnlyList<CriterionScore> Scores, double Total, int Rank, bool IsTopPriority);

/// <summary>The scored matrix: rows ordered by rank, then crime type name.</summary>
/// <param name="TopN">How many ranks count as top priorities.</param>
/// <param name="Rows">The rows.</param>
public sealed record MatrixResult(int TopN, IReadOnlyList<MatrixRow> Rows)
{
    /// <summary>The crime types ranked within the top N, in rank order.</summary>
    public IReadOnlyList<string> TopPriorities => [.. Rows.Where(r => r.IsTopPriority).Select(r => r.CrimeType)];
}
