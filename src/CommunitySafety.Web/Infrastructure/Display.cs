using System.Globalization;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Web.Infrastructure;

/// <summary>
/// How numbers and judgements are written on pages: en-GB, and the one vocabulary shared with the reports
/// (CommunitySafety.Reports.Narrative.Labels and ValueFormat).
/// </summary>
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

    /// <summary>
    /// The change from an earlier period in the shared words of the reports (<see cref="Labels.Change"/>): "Up 15% (+26)
    /// on Q4 2023/24 (within normal variation)", or percentage points for a percentage.
    /// </summary>
    /// <param name="c">The comparison.</param>
    /// <param name="type">The kind of value.</param>
    /// <param name="multiplier">The rate's "per N", or 100 for a percentage.</param>
    /// <returns>The text.</returns>
    public static string Change(PeriodComparison? c, IndicatorValueType type, double multiplier) =>
        Labels.Change(c, ValueFormat.For(type, multiplier));

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
    public static string RagLabel(Rag rag) => Labels.Rag(rag);

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

    /// <summary>The heading of the field that holds <see cref="Variation"/>.</summary>
    public const string VariationHeading = Labels.VariationHeading;

    /// <summary>The latest value against its usual range (SPC), in the shared plain words of the reports (<see cref="Labels.Variation"/>).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The label.</returns>
    public static string Variation(VariationStatus status) => Labels.Variation(status);

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
