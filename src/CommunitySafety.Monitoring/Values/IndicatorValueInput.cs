using CommunitySafety.Monitoring.Model;
using CommunitySafety.Periods;

namespace CommunitySafety.Monitoring.Values;

/// <summary>One indicator value as entered or imported, before it is stored.</summary>
/// <param name="IndicatorCode">The indicator's code.</param>
/// <param name="Period">The period.</param>
/// <param name="AreaCode">The area's ONS code.</param>
public sealed record IndicatorValueInput(string IndicatorCode, ReportingPeriod Period, string AreaCode)
{
    /// <summary>Fingertips' Category Type; empty for the total.</summary>
    public string CategoryType { get; init; } = string.Empty;

    /// <summary>Fingertips' Category; empty for the total.</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>The numerator (count).</summary>
    public double? Count { get; init; }

    /// <summary>The denominator.</summary>
    public double? Denominator { get; init; }

    /// <summary>The value; when null with a count (and a denominator for rates and proportions), it is worked out.</summary>
    public double? Value { get; init; }

    /// <summary>Supplied lower 95% limit.</summary>
    public double? Lower95 { get; init; }

    /// <summary>Supplied upper 95% limit.</summary>
    public double? Upper95 { get; init; }

    /// <summary>Supplied lower 99.8% limit.</summary>
    public double? Lower998 { get; init; }

    /// <summary>Supplied upper 99.8% limit.</summary>
    public double? Upper998 { get; init; }

    /// <summary>Provisional, final or revised.</summary>
    public ValueStatus Status { get; init; } = ValueStatus.Final;

    /// <summary>Why there is no value; required when there is none.</summary>
    public string? MissingReason { get; init; }

    /// <summary>A note.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// True when the person entering confirmed that a period not yet ended is meant (see <see cref="ReportingPeriodRule"/>);
    /// without it such a value is refused. A period more than a year ahead is refused even so.
    /// </summary>
    public bool ConfirmedUnfinishedPeriod { get; init; }

    /// <summary>
    /// The review state to store: <see cref="ReviewState.Draft"/> for a partner's entry (an analyst approves it before it
    /// is published), <see cref="ReviewState.Approved"/> for an analyst's own entry or import.
    /// </summary>
    public ReviewState Review { get; init; } = ReviewState.Approved;
}

/// <summary>What recording a value did.</summary>
public enum ValueChange
{
    /// <summary>A new value was stored.</summary>
    Added,

    /// <summary>An existing value changed; its previous version was kept.</summary>
    Changed,

    /// <summary>The value was already stored exactly so; nothing was written.</summary>
    Unchanged,
}

/// <summary>A problem with an entered value, naming the field.</summary>
/// <param name="Field">The field (as named in templates: Value, Count, Denominator, Period…).</param>
/// <param name="Message">What is wrong, in words a partner can act on.</param>
public sealed record ValueProblem(string Field, string Message);

/// <summary>
/// No value beyond the current reporting period without an explicit confirmation: the one check every route (entry form,
/// CSV/XLSX import, API, CLI) goes through, inside <see cref="IndicatorValueRules.Validate"/>.
/// </summary>
/// <remarks>
/// A period that has not ended yet (its last month is this month or later) is accepted only when the person confirms it
/// (<see cref="IndicatorValueInput.ConfirmedUnfinishedPeriod"/>): quarterly and annual figures are reported after the period
/// ends, so such a value is usually a typo or the wrong year. A period that starts more than twelve months after this month
/// is refused even with a confirmation (e.g. 2099/00 typed for 2009/10 or 2025/26).
/// </remarks>
public static class ReportingPeriodRule
{
    /// <summary>Months ahead of this month beyond which a period's start is refused outright.</summary>
    public const int MaxMonthsAhead = 12;

    /// <summary>The problem with storing a value for <paramref name="period"/> at <paramref name="now"/>, or null when there is none.</summary>
    /// <param name="period">The value's period.</param>
    /// <param name="now">Now.</param>
    /// <param name="confirmed">Whether the person confirmed a period not yet ended.</param>
    /// <returns>The problem (field "Period"), or null.</returns>
    public static ValueProblem? Check(ReportingPeriod period, DateTimeOffset now, bool confirmed)
    {
        var thisMonth = YearMonth.Of(now.UtcDateTime);
        if (period.FirstMonth.Index > thisMonth.Index + MaxMonthsAhead)
        {
            return new("Period", $"{period} starts in {period.FirstMonth.ToDisplayString()}, more than a year from now ({thisMonth.ToDisplayString()}): "
                + "no value is accepted so far ahead. Check the year (e.g. 2025/26, not 2099/00).");
        }

        if (period.LastMonth.Index >= thisMonth.Index && !confirmed)
        {
            return new("Period", $"{period} has not ended yet (it runs to {period.LastMonth.ToDisplayString()}): figures are reported after the period ends. "
                + "Check the period, or confirm that a value for a period still in progress is meant.");
        }

        return null;
    }

    /// <summary>Whether <paramref name="period"/> has not ended at <paramref name="now"/> (a value for it needs a confirmation).</summary>
    /// <param name="period">The period.</param>
    /// <param name="now">Now.</param>
    /// <returns>True when it has not ended.</returns>
    public static bool IsUnfinished(ReportingPeriod period, DateTimeOffset now) =>
        period.LastMonth.Index >= YearMonth.Of(now.UtcDateTime).Index;
}

/// <summary>The rules every indicator value must satisfy, whatever route it comes in by.</summary>
public static class IndicatorValueRules
{
    /// <summary>The problems with <paramref name="input"/> as a value of <paramref name="indicator"/>; empty when it is valid.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="input">The value.</param>
    /// <returns>The problems, in field order.</returns>
    /// <param name="now">Now, for the reporting period rule (<see cref="ReportingPeriodRule"/>).</param>
    public static IReadOnlyList<ValueProblem> Validate(Indicator indicator, IndicatorValueInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<ValueProblem>();
        if (ReportingPeriodRule.Check(input.Period, now, input.ConfirmedUnfinishedPeriod) is { } periodProblem)
        {
            problems.Add(periodProblem);
        }

        if (input.Period.Kind != indicator.PeriodKind)
        {
            problems.Add(new("Period", $"{input.Period} is a {Describe(input.Period.Kind)} but {indicator.Code} is reported by {Describe(indicator.PeriodKind)}."));
        }

        if (!Areas.AreaCode.IsAreaCode(input.AreaCode))
        {
            problems.Add(new("Area code", $"'{input.AreaCode}' is not an ONS area code (e.g. E06000044)."));
        }

        if (string.IsNullOrEmpty(input.CategoryType) != string.IsNullOrEmpty(input.Category))
        {
            problems.Add(new("Category", "Give both a category type and a category, or neither for the total."));
        }

        if (input.Count is < 0)
        {
            problems.Add(new("Count", "A count cannot be negative."));
        }

        if (input.Denominator is <= 0)
        {
            problems.Add(new("Denominator", "The denominator must be more than zero."));
        }

        if (indicator.ValueType == IndicatorValueType.Proportion && input.Count > input.Denominator)
        {
            problems.Add(new("Count", $"The count ({input.Count}) is more than the denominator ({input.Denominator}) of a proportion."));
        }

        var value = EffectiveValue(indicator, input);
        var hasReason = !string.IsNullOrWhiteSpace(input.MissingReason);
        if (value is null && !hasReason)
        {
            problems.Add(new("Value", "No value: give one, or say why it is missing (e.g. \"Not available since 2017/18\"). A missing value is never zero."));
        }
        else if (value is not null && hasReason)
        {
            problems.Add(new("Missing reason", "A value is given, so there should be no missing reason."));
        }

        if (value is double v)
        {
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                problems.Add(new("Value", "The value is not a number."));
            }
            else if (indicator.ValueType == IndicatorValueType.Proportion && (v < 0 || v > indicator.Multiplier))
            {
                problems.Add(new("Value", $"A proportion must be between 0 and {indicator.Multiplier}."));
            }

            CheckLimits(problems, v, input.Lower95, input.Upper95, "95%");
            CheckLimits(problems, v, input.Lower998, input.Upper998, "99.8%");
        }

        return problems;
    }

    /// <summary>The value to store: the one given, or worked out from the count (and denominator) when none is given.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="input">The entered value.</param>
    /// <returns>The value, or null when it is missing.</returns>
    public static double? EffectiveValue(Indicator indicator, IndicatorValueInput input)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Value is not null || !string.IsNullOrWhiteSpace(input.MissingReason))
        {
            return input.Value;
        }

        return indicator.ValueType switch
        {
            IndicatorValueType.Count => input.Count,
            IndicatorValueType.CrudeRate or IndicatorValueType.Proportion when input is { Count: { } c, Denominator: > 0 and var d } =>
                c / d * indicator.Multiplier,
            _ => null,
        };
    }

    private static void CheckLimits(List<ValueProblem> problems, double value, double? lower, double? upper, string level)
    {
        if (lower is null != upper is null)
        {
            problems.Add(new($"Lower {level} limit", $"Give both {level} limits or neither."));
        }
        else if (lower > value || upper < value)
        {
            problems.Add(new($"Lower {level} limit", $"The {level} limits ({lower}–{upper}) do not contain the value ({value})."));
        }
    }

    private static string Describe(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "month",
        PeriodKind.FinancialQuarter => "quarter",
        PeriodKind.FinancialYear => "financial year",
        PeriodKind.CalendarYear => "calendar year",
        _ => "rolling 12 months",
    };
}
