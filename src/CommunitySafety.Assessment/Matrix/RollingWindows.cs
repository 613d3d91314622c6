using System.Globalization;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Matrix;

/// <summary>
/// Chooses the two periods of the matrix's rolling trend: the latest complete 12 months and the 12 months before them.
/// </summary>
/// <remarks>
/// The later period ends with the latest month <c>L</c>, at or before <c>limit</c>, such that all 24 months from
/// <c>L − 23</c> to <c>L</c> have data for every force responsible for the area; the earlier period is
/// <c>L − 23</c> to <c>L − 12</c>. A run broken by a missing month is never bridged, so both periods are always complete.
/// The assessment uses the end of the financial year after the assessment year as the limit: the latest data when the
/// assessment is written (for 2024/25 with data to December 2025: January–December 2025 against January–December 2024).
/// </remarks>
public static class RollingWindows
{
    /// <summary>Months in each period.</summary>
    public const int Months = 12;

    /// <summary>The two periods, or the reason there are none.</summary>
    /// <param name="covered">The months with data (any order, duplicates allowed).</param>
    /// <param name="limit">The latest month the later period may end with.</param>
    /// <param name="reason">Why there are no periods; null when there are.</param>
    /// <returns>((earlier first, earlier last), (later first, later last)), or null and the reason.</returns>
    public static ((YearMonth First, YearMonth Last) Earlier, (YearMonth First, YearMonth Last) Later)? Choose(IEnumerable<YearMonth> covered, YearMonth limit, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(covered);
        var months = covered.Where(m => m <= limit).Select(m => m.Index).ToHashSet();
        if (months.Count == 0)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"no months of data up to {limit.ToDisplayString()}");
            return null;
        }

        // Walk down from the latest month, counting the run of consecutive months that ends at each.
        var ordered = months.Order().ToArray();
        var longest = 0;
        for (var i = ordered.Length - 1; i >= 0; i--)
        {
            // The run of consecutive months ending at ordered[i].
            var run = 1;
            while (i - run >= 0 && ordered[i - run] == ordered[i] - run)
            {
                run++;
            }

            longest = Math.Max(longest, run);
            if (run >= 2 * Months)
            {
                var last = YearMonth.FromIndex(ordered[i]);
                reason = null;
                return ((last.AddMonths(-(2 * Months) + 1), last.AddMonths(-Months)), (last.AddMonths(-Months + 1), last));
            }

            // No run of 24 ends at any month of this run either: skip below its start.
            i -= run - 1;
        }

        reason = string.Create(CultureInfo.InvariantCulture, $"the longest run of consecutive months with data up to {limit.ToDisplayString()} is {longest} months; two complete 12-month periods need 24");
        return null;
    }
}
