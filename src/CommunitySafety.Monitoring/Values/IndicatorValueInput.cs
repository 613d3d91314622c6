using CommunitySafety.Periods;

namespace CommunitySafety.Monitoring;

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

/// <summary>The rules every indicator value must satisfy, whatever route it comes in by.</summary>
public static class IndicatorValueRules
{
    /// <summary>The problems with <paramref name="input"/> as a value of <paramref name="indicator"/>; empty when it is valid.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="input">The value.</param>
    /// <returns>The problems, in field order.</returns>
    public static IReadOnlyList<ValueProblem> Validate(Indicator indicator, IndicatorValueInput input)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<ValueProblem>();
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
