namespace CommunitySafety.Reports.Disclosure;

/// <summary>
/// Disclosure control for the published variant: a count from 1 to one below the threshold is suppressed (primary
/// suppression; zero is not), and when a group of cells is published with its total, enough further cells are
/// suppressed that no suppressed count can be worked out by subtraction (secondary suppression).
/// </summary>
/// <remarks>
/// Example, threshold 5: the breakdown 3, 40, 57 with total 100 suppresses 3 (primary) and 40 (secondary, the
/// smallest other cell), because 100 − 40 − 57 would otherwise give the 3 away.
/// </remarks>
public static class SmallCountSuppression
{
    /// <summary>The threshold used when an indicator names none.</summary>
    public const int DefaultThreshold = 5;

    /// <summary>The symbol printed for a suppressed cell (as the ONS and GSS use).</summary>
    public const string Symbol = "[c]";

    /// <summary>The note printed under a table with suppressed cells.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The note.</returns>
    public static string Note(int threshold) =>
        $"[c] Suppressed to protect confidentiality: counts of 1 to {threshold - 1}, and other figures that would reveal them.";

    /// <summary>Whether a single count is suppressed (primary suppression).</summary>
    /// <param name="count">The count.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>True for 1 ≤ count &lt; threshold.</returns>
    public static bool IsSmall(double? count, int threshold = DefaultThreshold) => count is { } c && c > 0 && c < threshold;

    /// <summary>
    /// Suppresses a group of cells that add up to a published total: primary suppression of small cells, then
    /// secondary suppression of the smallest remaining cell while exactly one cell is suppressed. When the total itself is
    /// small, it and every cell are suppressed.
    /// </summary>
    /// <param name="cells">The cells (null for a missing cell, never suppressed).</param>
    /// <param name="total">The total published with them; null when no total is shown.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>One flag per cell, and whether the total is suppressed.</returns>
    public static (bool[] Cells, bool Total) Group(IReadOnlyList<double?> cells, double? total, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var flags = cells.Select(c => IsSmall(c, threshold)).ToArray();
        if (IsSmall(total, threshold))
        {
            return (cells.Select(c => c is not null).ToArray(), true);
        }

        // With a published total (or with only the cells, which add up to nothing), one suppressed cell can be
        // recovered by subtraction; suppress the smallest other present cell as well.
        if (total is not null && flags.Count(f => f) == 1)
        {
            var next = Enumerable.Range(0, cells.Count)
                .Where(i => !flags[i] && cells[i] is not null)
                .OrderBy(i => cells[i]!.Value)
                .ThenBy(i => i)
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (next is { } n)
            {
                flags[n] = true;
            }
        }

        return (flags, false);
    }
}
