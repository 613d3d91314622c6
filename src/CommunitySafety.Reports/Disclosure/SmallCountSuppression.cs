using CommunitySafety.Monitoring.Values;

namespace CommunitySafety.Reports.Disclosure;

/// <summary>
/// Disclosure control for the published variant, as the one rule in <see cref="DisclosureControl"/> (Monitoring) says: a count from 1 to one below the threshold is suppressed (primary
/// suppression; zero is not), and when a group of cells is published with its total, enough further cells are
/// suppressed that no suppressed count can be worked out by subtraction (secondary suppression).
/// </summary>
/// <remarks>
/// Example, threshold 5: the breakdown 3, 40, 57 with total 100 suppresses 3 (primary) and 40 (secondary, the
/// smallest other cell), because 100 − 40 − 57 would otherwise give the 3 away.
/// </remarks>
public static class SmallCountSuppression
{
    /// <summary>The threshold used when an indicator names none (<see cref="DisclosureControl.DefaultThreshold"/>).</summary>
    public const int DefaultThreshold = DisclosureControl.DefaultThreshold;

    /// <summary>The symbol printed for a suppressed cell (as the ONS and GSS use).</summary>
    public const string Symbol = "[c]";

    /// <summary>The note printed under a table with suppressed cells.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The note.</returns>
    public static string Note(int threshold) =>
        $"[c] Suppressed to protect confidentiality: counts of 1 to {threshold - 1}, and other figures that would reveal them.";

    /// <summary>Whether a single count is suppressed (primary suppression): <see cref="DisclosureControl.IsSmall"/>.</summary>
    /// <param name="count">The count.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>True for 1 ≤ count &lt; threshold.</returns>
    public static bool IsSmall(double? count, int threshold = DefaultThreshold) => DisclosureControl.IsSmall(count, threshold);

    /// <summary>Secondary suppression of a group of cells with a total: <see cref="DisclosureControl.Group"/>.</summary>
    /// <param name="cells">The cells (null for a missing cell, never suppressed).</param>
    /// <param name="total">The total published with them; null when no total is shown.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>One flag per cell, and whether the total is suppressed.</returns>
    public static (bool[] Cells, bool Total) Group(IReadOnlyList<double?> cells, double? total, int threshold = DefaultThreshold) =>
        DisclosureControl.Group(cells, total, threshold);
}
