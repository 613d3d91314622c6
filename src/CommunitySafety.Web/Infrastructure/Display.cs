using System.Globalization;
using CommunitySafety.Monitoring;
using CommunitySafety.Statistics;

namespace CommunitySafety.Web.Infrastructure;

/// <summary>How numbers and judgements are written on pages: en-GB, the words of the statistics engine.</summary>
public static class Display
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A value as people read it: a count with separators, a rate "per 100,000", a percentage.</summary>
    /// <param name="value">The value.</param>
    /// <param name="type">The kind of value.</param>
    /// <param name="multiplier">The rate's "per N", or 100 for a percentage.</param>
    /// <returns>The text, or "No value".</returns>
    public static string Value(double? value, IndicatorValueType type, double multiplier) => value switch
    {
        null => "No value",
        double v => type switch
        {
            IndicatorValueType.Count => v.ToString(v % 1 == 0 ? "N0" : "N1", EnGb),
            IndicatorValueType.Proportion when multiplier == 100 => v.ToString("N1", EnGb) + "%",
            IndicatorValueType.CrudeRate => v.ToString("N1", EnGb) + " per " + multiplier.ToString("N0", EnGb),
            _ => v.ToString("N2", EnGb),
        },
    };

    /// <summary>A plain number (counts, limits) in en-GB.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text, or an em dash.</returns>
    public static string Number(double? value) => value is double v ? v.ToString(v % 1 == 0 ? "N0" : "N1", EnGb) : "–";

    /// <summary>The change from an earlier period, e.g. "up 12.3% (n47) from Q3 2022/23".</summary>
    /// <param name="c">The comparison.</param>
    /// <returns>The text.</returns>
    public static string Change(PeriodComparison? c)
    {
        if (c is null || c.Difference is null)
        {
            return c?.Note ?? "Not compared";
        }

        var d = c.Difference.Value;
        var word = d > 0 ? "up" : d < 0 ? "down" : "no change";
        var percent = c.PercentChange is double p ? " " + Math.Abs(p).ToString("N1", EnGb) + "%" : string.Empty;
        var n = c.CountChange is double n0 && d != 0 ? " (n" + Math.Abs(n0).ToString("N0", EnGb) + ")" : string.Empty;
        return d == 0 ? $"no change from {c.From}" : $"{word}{percent}{n} from {c.From}";
    }

    /// <summary>The GOV.UK tag colour of a comparison outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The tag's modifier class.</returns>
    public static string OutcomeTag(ComparisonOutcome outcome) => outcome switch
    {
        ComparisonOutcome.Better or ComparisonOutcome.Best => "govuk-tag--green",
        ComparisonOutcome.Worse or ComparisonOutcome.Worst => "govuk-tag--red",
        ComparisonOutcome.Similar => "govuk-tag--yellow",
        ComparisonOutcome.Higher or ComparisonOutcome.Lower => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    /// <summary>The label of a RAG rating.</summary>
    /// <param name="rag">The rating.</param>
    /// <returns>E.g. "Green: target met".</returns>
    public static string RagLabel(Rag rag) => rag switch
    {
        Rag.Green => "Green: target met",
        Rag.Amber => "Amber: not met, not significantly different",
        Rag.Red => "Red: target missed",
        _ => "Not rated",
    };

    /// <summary>The GOV.UK tag colour of a RAG rating.</summary>
    /// <param name="rag">The rating.</param>
    /// <returns>The tag's modifier class.</returns>
    public static string RagTag(Rag rag) => rag switch
    {
        Rag.Green => "govuk-tag--green",
        Rag.Amber => "govuk-tag--orange",
        Rag.Red => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>The words of an SPC variation status (Making Data Count).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The label.</returns>
    public static string Variation(VariationStatus status) => status switch
    {
        VariationStatus.CommonCause => "Common cause variation",
        VariationStatus.ImprovingHigh => "Special cause: improving (high)",
        VariationStatus.ImprovingLow => "Special cause: improving (low)",
        VariationStatus.ConcerningHigh => "Special cause: concerning (high)",
        VariationStatus.ConcerningLow => "Special cause: concerning (low)",
        VariationStatus.NeitherHigh => "Special cause: high",
        VariationStatus.NeitherLow => "Special cause: low",
        _ => "Too few points for SPC",
    };

    /// <summary>The GOV.UK tag colour of an SPC variation status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The tag's modifier class.</returns>
    public static string VariationTag(VariationStatus status) => status switch
    {
        VariationStatus.ImprovingHigh or VariationStatus.ImprovingLow => "govuk-tag--blue",
        VariationStatus.ConcerningHigh or VariationStatus.ConcerningLow => "govuk-tag--orange",
        VariationStatus.NeitherHigh or VariationStatus.NeitherLow => "govuk-tag--purple",
        _ => "govuk-tag--grey",
    };

    /// <summary>A trend marker's arrow for sighted users (the words are always shown too).</summary>
    /// <param name="marker">The marker.</param>
    /// <returns>An arrow, or an empty string.</returns>
    public static string TrendArrow(TrendMarker marker) => marker switch
    {
        TrendMarker.Increasing or TrendMarker.IncreasingAndGettingBetter or TrendMarker.IncreasingAndGettingWorse => "▲",
        TrendMarker.Decreasing or TrendMarker.DecreasingAndGettingBetter or TrendMarker.DecreasingAndGettingWorse => "▼",
        TrendMarker.NoSignificantChange => "▶",
        _ => string.Empty,
    };

    /// <summary>A time in the UK, e.g. "25 November 2026 at 14:05".</summary>
    /// <param name="at">The time.</param>
    /// <returns>The text.</returns>
    public static string When(DateTimeOffset at)
    {
        var uk = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at;
        return uk.ToString("d MMMM yyyy 'at' HH:mm", EnGb);
    }

    /// <summary>A date, e.g. "31 March 2024".</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text, or "No date".</returns>
    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "No date";

    /// <summary>Splits PascalCase enum names into words ("NotStarted" → "Not started").</summary>
    /// <param name="value">The enum value.</param>
    /// <returns>The words.</returns>
    public static string Words(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                chars.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                chars.Append(name[i]);
            }
        }

        return chars.ToString();
    }
}
