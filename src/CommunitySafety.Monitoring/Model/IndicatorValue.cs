using System.ComponentModel.DataAnnotations.Schema;
using CommunitySafety.Periods;

namespace CommunitySafety.Monitoring.Model;

/// <summary>
/// The current value of an indicator for one area, period and breakdown category. Earlier versions are kept
/// as <see cref="IndicatorValueRevision"/> rows, written by the store whenever a value changes.
/// </summary>
/// <remarks>
/// A missing period is explicit: <see cref="IndicatorValueFields.Value"/> is null and <see cref="IndicatorValueFields.MissingReason"/> says why
/// (e.g. "Not available since 2017/18"). It is never stored as zero.
/// </remarks>
public sealed class IndicatorValue : IndicatorValueFields
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The indicator.</summary>
    public int IndicatorId { get; set; }

    /// <summary>The indicator.</summary>
    public Indicator? Indicator { get; set; }

    /// <summary>The kind of period (stored column).</summary>
    public PeriodKind PeriodKind { get; set; }

    /// <summary>The first month of the period, as <see cref="YearMonth.Index"/> (stored column).</summary>
    public int PeriodStart { get; set; }

    /// <summary>The last month of the period, as <see cref="YearMonth.Index"/> (stored column).</summary>
    public int PeriodEnd { get; set; }

    /// <summary>The period.</summary>
    [NotMapped]
    public ReportingPeriod Period
    {
        get => PeriodColumns.ToPeriod(PeriodKind, PeriodStart, PeriodEnd);
        set => (PeriodKind, PeriodStart, PeriodEnd) = (value.Kind, value.FirstMonth.Index, value.LastMonth.Index);
    }

    /// <summary>1 for the first version; each change adds one.</summary>
    public int Version { get; set; } = 1;

    /// <summary>
    /// Whether this version may be published: a partner's entry is a <see cref="ReviewState.Draft"/> until an analyst
    /// approves it (see <see cref="Review"/>); values stored before review existed, and the demo's, are approved.
    /// </summary>
    public ReviewState Review { get; set; } = ReviewState.Approved;

    /// <summary>Who approved or withdrew this version; null while it is a draft.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>When this version was approved or withdrawn.</summary>
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Earlier versions, oldest first.</summary>
    public List<IndicatorValueRevision> Revisions { get; set; } = [];

    /// <summary>True for the all-categories total (no breakdown).</summary>
    [NotMapped]
    public bool IsTotal => CategoryType.Length == 0;
}

/// <summary>
/// The stored fields of a version of an indicator value, declared once for the current row (<see cref="IndicatorValue"/>)
/// and its earlier versions (<see cref="IndicatorValueRevision"/>); each maps them to columns of its own table.
/// </summary>
public abstract class IndicatorValueFields : IIndicatorValueFields
{
    /// <inheritdoc/>
    public required string AreaCode { get; set; }

    /// <inheritdoc/>
    public string CategoryType { get; set; } = string.Empty;

    /// <inheritdoc/>
    public string Category { get; set; } = string.Empty;

    /// <inheritdoc/>
    public double? Count { get; set; }

    /// <inheritdoc/>
    public double? Denominator { get; set; }

    /// <inheritdoc/>
    public double? Value { get; set; }

    /// <inheritdoc/>
    public double? Lower95 { get; set; }

    /// <inheritdoc/>
    public double? Upper95 { get; set; }

    /// <inheritdoc/>
    public double? Lower998 { get; set; }

    /// <inheritdoc/>
    public double? Upper998 { get; set; }

    /// <inheritdoc/>
    public ValueStatus Status { get; set; }

    /// <inheritdoc/>
    public string? MissingReason { get; set; }

    /// <inheritdoc/>
    public string? Note { get; set; }

    /// <inheritdoc/>
    public required string EnteredBy { get; set; }

    /// <inheritdoc/>
    public DateTimeOffset EnteredAt { get; set; }
}

/// <summary>The fields of a version of an indicator value, shared by the current row and its revisions.</summary>
public interface IIndicatorValueFields
{
    /// <summary>The area's ONS code (the partnership's area, or a benchmark's).</summary>
    string AreaCode { get; }

    /// <summary>Fingertips' Category Type (e.g. "Sex", "Presenting substance"); empty for the total.</summary>
    string CategoryType { get; }

    /// <summary>Fingertips' Category (e.g. "Female", "Opiates"); empty for the total.</summary>
    string Category { get; }

    /// <summary>The numerator: the count of events or people.</summary>
    double? Count { get; }

    /// <summary>The denominator (population, cohort…).</summary>
    double? Denominator { get; }

    /// <summary>The value (count, rate, percentage…); null when the period is missing.</summary>
    double? Value { get; }

    /// <summary>Lower 95% limit as supplied; null to have the statistics engine compute it.</summary>
    double? Lower95 { get; }

    /// <summary>Upper 95% limit as supplied.</summary>
    double? Upper95 { get; }

    /// <summary>Lower 99.8% limit as supplied.</summary>
    double? Lower998 { get; }

    /// <summary>Upper 99.8% limit as supplied.</summary>
    double? Upper998 { get; }

    /// <summary>Provisional, final or revised.</summary>
    ValueStatus Status { get; }

    /// <summary>Why there is no value (e.g. "Not available since 2017/18"); set exactly when <see cref="Value"/> is null.</summary>
    string? MissingReason { get; }

    /// <summary>A note on the value.</summary>
    string? Note { get; }

    /// <summary>Who entered this version.</summary>
    string EnteredBy { get; }

    /// <summary>When this version was entered.</summary>
    DateTimeOffset EnteredAt { get; }
}

/// <summary>An earlier version of an <see cref="IndicatorValue"/>, kept when the value changed.</summary>
public sealed class IndicatorValueRevision : IndicatorValueFields
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The value this is an earlier version of.</summary>
    public int IndicatorValueId { get; set; }

    /// <summary>The version number this row was.</summary>
    public int Version { get; set; }

    /// <summary>Whether this version was a draft, approved or withdrawn when it was replaced.</summary>
    public ReviewState Review { get; set; } = ReviewState.Approved;

    /// <summary>Who replaced this version.</summary>
    public required string SupersededBy { get; set; }

    /// <summary>When this version was replaced.</summary>
    public DateTimeOffset SupersededAt { get; set; }
}

/// <summary>Turns the stored period columns back into a <see cref="ReportingPeriod"/>.</summary>
public static class PeriodColumns
{
    /// <summary>The period of the given kind whose months run from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="kind">The kind of period.</param>
    /// <param name="start">The first month's <see cref="YearMonth.Index"/>.</param>
    /// <param name="end">The last month's <see cref="YearMonth.Index"/>.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod ToPeriod(PeriodKind kind, int start, int end)
    {
        var first = YearMonth.FromIndex(start);
        return kind switch
        {
            PeriodKind.Month => ReportingPeriod.OfMonth(first),
            PeriodKind.FinancialQuarter => ReportingPeriod.OfQuarter(first.FinancialQuarter),
            PeriodKind.FinancialYear => ReportingPeriod.OfFinancialYear(first.FinancialYear),
            PeriodKind.CalendarYear => ReportingPeriod.OfCalendarYear(first.Year),
            PeriodKind.Rolling12Months => ReportingPeriod.Rolling12MonthsTo(YearMonth.FromIndex(end)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
        };
    }
}
