using System.Globalization;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;

namespace CommunitySafety.Web.Features.Entry;

/// <summary>What a partner typed for one indicator (kept as text, so a draft keeps even what does not parse yet).</summary>
public sealed class EntryRow
{
    public string Code { get; set; } = string.Empty;

    public string? Count { get; set; }

    public string? Denominator { get; set; }

    public string? Value { get; set; }

    public string? MissingReason { get; set; }

    public string? Commentary { get; set; }

    /// <summary>True when nothing was typed.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Count) && string.IsNullOrWhiteSpace(Denominator) && string.IsNullOrWhiteSpace(Value)
        && string.IsNullOrWhiteSpace(MissingReason) && string.IsNullOrWhiteSpace(Commentary);

    /// <summary>True when a figure or a missing reason was typed (commentary alone records no value).</summary>
    public bool HasFigures => !string.IsNullOrWhiteSpace(Count) || !string.IsNullOrWhiteSpace(Denominator) || !string.IsNullOrWhiteSpace(Value)
        || !string.IsNullOrWhiteSpace(MissingReason);
}

/// <summary>A problem with a field of the form; <see cref="FieldId"/> is the input's id, for the error summary's link.</summary>
public sealed record EntryError(string FieldId, string Message);

/// <summary>Turns typed rows into values for the monitoring store, with GOV.UK-style messages.</summary>
public static class EntryRules
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The id of a row's input, e.g. "DA-E1-count".</summary>
    /// <param name="code">The indicator's code.</param>
    /// <param name="field">The field.</param>
    /// <returns>The id.</returns>
    public static string Id(string code, string field) => $"{code}-{field}";

    /// <summary>Validates a row against the monitoring rules and builds the input to store.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="row">What was typed.</param>
    /// <param name="period">The period.</param>
    /// <param name="areaCode">The area.</param>
    /// <param name="status">Provisional or final.</param>
    /// <param name="errors">Where problems are added.</param>
    /// <param name="now">Now, for the reporting period rule.</param>
    /// <param name="confirmedUnfinished">Whether the person confirmed a period not yet ended.</param>
    /// <param name="review">Draft for a partner, approved for an analyst.</param>
    /// <returns>The input, or null when there were problems.</returns>
    public static IndicatorValueInput? ToInput(
        Indicator indicator, EntryRow row, ReportingPeriod period, string areaCode, ValueStatus status, List<EntryError> errors,
        DateTimeOffset now, bool confirmedUnfinished = false, ReviewState review = ReviewState.Draft)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var count = Number(indicator, row.Count, "count", "Count", errors);
        var denominator = Number(indicator, row.Denominator, "denominator", "Denominator", errors);
        var value = Number(indicator, row.Value, "value", "Value", errors);
        if (errors.Count > before)
        {
            return null;
        }

        var input = new IndicatorValueInput(indicator.Code, period, areaCode)
        {
            Count = count,
            Denominator = denominator,
            Value = value,
            MissingReason = string.IsNullOrWhiteSpace(row.MissingReason) ? null : row.MissingReason.Trim(),
            Status = status,
            ConfirmedUnfinishedPeriod = confirmedUnfinished,
            Review = review,
        };
        foreach (var problem in IndicatorValueRules.Validate(indicator, input, now))
        {
            var field = problem.Field switch
            {
                "Period" => "period",
                "Count" => "count",
                "Denominator" => "denominator",
                "Missing reason" => "missing",
                _ => "value",
            };
            errors.Add(new EntryError(Id(indicator.Code, field), $"{indicator.Code}: {problem.Message}"));
        }

        return errors.Count > before ? null : input;
    }

    private static double? Number(Indicator indicator, string? text, string field, string label, List<EntryError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim().TrimEnd('%').Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        if (double.TryParse(cleaned, NumberStyles.Float, EnGb, out var number) && double.IsFinite(number))
        {
            return number;
        }

        errors.Add(new EntryError(Id(indicator.Code, field), $"{indicator.Code}: {label} must be a number, like 42 or 12.5"));
        return null;
    }
}
