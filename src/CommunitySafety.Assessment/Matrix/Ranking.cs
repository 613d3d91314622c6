namespace CommunitySafety.Assessment.Matrix;

/// <summary>Ranking of totals, shared by the matrix and its sensitivity analysis so both rank the same way.</summary>
public static class Ranking
{
    /// <summary>
    /// Standard competition ranks of <paramref name="totals"/>, highest first: rank = 1 + the number of strictly
    /// greater totals, so equal totals share a rank (10, 8, 8, 5 → 1, 2, 2, 4).
    /// </summary>
    public static int[] CompetitionRanks(ReadOnlySpan<double> totals)
    {
        var ranks = new int[totals.Length];
        CompetitionRanks(totals, ranks);
        return ranks;
    }

    /// <summary>Writes the competition ranks of <paramref name="totals"/> into <paramref name="ranks"/> without allocating.</summary>
    public static void CompetitionRanks(ReadOnlySpan<double> totals, Span<int> ranks)
    {
        if (ranks.Length != totals.Length)
        {
            throw new ArgumentException("The ranks must have one entry per total.", nameof(ranks));
        }

        // Quadratic, but the matrix has 14 crime types: simpler and faster than sorting at this size.
        for (var i = 0; i < totals.Length; i++)
        {
            var rank = 1;
            for (var j = 0; j < totals.Length; j++)
            {
                if (totals[j] > totals[i])
                {
                    rank++;
                }
            }

            ranks[i] = rank;
        }
    }
}
