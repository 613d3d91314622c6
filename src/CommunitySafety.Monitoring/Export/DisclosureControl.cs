namespace CommunitySafety.Monitoring;

/// <summary>
/// An indicator's disclosure rule: when figures are published, a count from 1 to one below
/// <see cref="Indicator.DisclosureThreshold"/> is suppressed, together with the value and limits worked out from it
/// (so the count cannot be recovered). Zero is not suppressed.
/// </summary>
/// <remarks>Example: with a threshold of 5, counts 1–4 are shown as "Suppressed: fewer than 5".</remarks>
public static class DisclosureControl
{
    /// <summary>Whether a value with this count must be suppressed when published.</summary>
    /// <param name="indicator">The indicator, with its threshold.</param>
    /// <param name="count">The count.</param>
    /// <returns>True when it must be suppressed.</returns>
    public static bool MustSuppress(Indicator indicator, double? count)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.DisclosureThreshold is { } threshold && count is { } c && c > 0 && c < threshold;
    }

    /// <summary>The text shown in place of a suppressed value.</summary>
    /// <param name="indicator">The indicator, with its threshold.</param>
    /// <returns>E.g. "Suppressed: fewer than 5".</returns>
    public static string SuppressedText(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return $"Suppressed: fewer than {indicator.DisclosureThreshold}";
    }
}
