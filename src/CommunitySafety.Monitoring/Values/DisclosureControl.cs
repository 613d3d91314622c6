using CommunitySafety.Monitoring.Model;

namespace CommunitySafety.Monitoring.Values;

/// <summary>
/// The one small-number rule for everything published (the published report, the public web pages, the public API and
/// the published workbook): a figure is withheld when it could identify people.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Threshold: the indicator's <see cref="Indicator.DisclosureThreshold"/>, or <see cref="DefaultThreshold"/> (5) when it
/// names none. A count from 1 to one below the threshold is small; zero is not.</item>
/// <item>Primary suppression: a value whose count is small is withheld, with the value and limits worked out from it.</item>
/// <item>Percentages and rates of small denominators: a proportion or rate whose denominator is small is withheld, and so
/// is a proportion whose complement (denominator − count, e.g. 97 of 100 leaves 3) is small.</item>
/// <item>Changes: a value is withheld when the value it is compared with (the same period last year) is withheld, since
/// the change published beside it would give the withheld count back.</item>
/// <item>Secondary suppression (<see cref="Group"/>): in a breakdown published with its total, when exactly one cell is
/// withheld the smallest other cell is withheld too; when the total is small, every cell is.</item>
/// </list>
/// Example, no threshold named: a count of 3 is withheld everywhere ("Suppressed: fewer than 5"); a count of 5 is shown.
/// </remarks>
public static class DisclosureControl
{
    /// <summary>The threshold used when an indicator names none.</summary>
    public const int DefaultThreshold = 5;

    /// <summary>The indicator's threshold: its own, or <paramref name="defaultThreshold"/>.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="defaultThreshold">The threshold for an indicator that names none.</param>
    /// <returns>The threshold.</returns>
    public static int ThresholdOf(Indicator indicator, int defaultThreshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.DisclosureThreshold ?? defaultThreshold;
    }

    /// <summary>Whether a count is small: 1 ≤ count &lt; threshold (zero is not).</summary>
    /// <param name="count">The count.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>True when small.</returns>
    public static bool IsSmall(double? count, int threshold = DefaultThreshold) => count is { } c && c > 0 && c < threshold;

    /// <summary>Whether a value with this count must be suppressed when published (count only).</summary>
    /// <param name="indicator">The indicator, with its threshold.</param>
    /// <param name="count">The count.</param>
    /// <returns>True when it must be suppressed.</returns>
    public static bool MustSuppress(Indicator indicator, double? count) => MustSuppress(indicator, count, null);

    /// <summary>Whether a value with this count and denominator must be withheld when published (rules 1–3).</summary>
    /// <param name="indicator">The indicator, with its threshold and value type.</param>
    /// <param name="count">The count.</param>
    /// <param name="denominator">The denominator, if any.</param>
    /// <param name="defaultThreshold">The threshold for an indicator that names none.</param>
    /// <returns>True when it must be withheld.</returns>
    public static bool MustSuppress(Indicator indicator, double? count, double? denominator, int defaultThreshold = DefaultThreshold)
    {
        var threshold = ThresholdOf(indicator, defaultThreshold);
        if (IsSmall(count, threshold))
        {
            return true;
        }

        if (indicator.ValueType is IndicatorValueType.Proportion or IndicatorValueType.CrudeRate && IsSmall(denominator, threshold))
        {
            return true;
        }

        return indicator.ValueType == IndicatorValueType.Proportion && count is { } c && denominator is { } d && IsSmall(d - c, threshold);
    }

    /// <summary>Whether a value must be withheld when published, given the value it is compared with (rules 1–4).</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="value">The value, or null.</param>
    /// <param name="comparedWith">The same period last year's value, or null.</param>
    /// <param name="defaultThreshold">The threshold for an indicator that names none.</param>
    /// <returns>True when it must be withheld.</returns>
    public static bool MustSuppress(Indicator indicator, IIndicatorValueFields? value, IIndicatorValueFields? comparedWith, int defaultThreshold = DefaultThreshold) =>
        value is not null
        && (MustSuppress(indicator, value.Count, value.Denominator, defaultThreshold)
            || (comparedWith is not null && MustSuppress(indicator, comparedWith.Count, comparedWith.Denominator, defaultThreshold)));

    /// <summary>The text shown in place of a suppressed value.</summary>
    /// <param name="indicator">The indicator, with its threshold.</param>
    /// <returns>E.g. "Suppressed: fewer than 5".</returns>
    public static string SuppressedText(Indicator indicator) => $"Suppressed: fewer than {ThresholdOf(indicator)}";

    /// <summary>
    /// Secondary suppression of a group of cells that add up to a published total: primary suppression of small cells, then
    /// the smallest remaining cell while exactly one cell is suppressed. When the total itself is small, it and every cell
    /// are suppressed.
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

        // With a published total, one suppressed cell can be recovered by subtraction; suppress the smallest other present cell as well.
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
