using System.Globalization;

namespace CommunitySafety.Reports.Narrative;

/// <summary>How an indicator's values are written: decimals and unit ("%", " per 100,000").</summary>
/// <param name="Decimals">Decimal places.</param>
/// <param name="Suffix">What follows the number ("%", " per 1,000"), or empty.</param>
/// <param name="IsPercentage">True for a percentage, whose changes are given in percentage points.</param>
public sealed record ValueFormat(int Decimals, string Suffix, bool IsPercentage = false)
{
    /// <summary>The culture reports are written in (en-GB: 1,234.5).</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Whole counts: 1,759.</summary>
    public static ValueFormat Count { get; } = new(0, string.Empty);

    /// <summary>Percentages to one decimal: 43.7%.</summary>
    public static ValueFormat Percent { get; } = new(1, "%", IsPercentage: true);

    /// <summary>A rate per <paramref name="multiplier"/>, to one decimal: 229.0 per 100,000.</summary>
    /// <param name="multiplier">The rate's multiplier.</param>
    /// <returns>The format.</returns>
    public static ValueFormat Rate(double multiplier) => new(1, " per " + multiplier.ToString("N0", Culture));

    /// <summary>The format of an indicator's values, as reports and web pages write them.</summary>
    /// <param name="type">The kind of value.</param>
    /// <param name="multiplier">The rate's "per N", or 100 for a percentage.</param>
    /// <returns>The format.</returns>
    public static ValueFormat For(Monitoring.Model.IndicatorValueType type, double multiplier) => type switch
    {
        Monitoring.Model.IndicatorValueType.Count => Count,
        Monitoring.Model.IndicatorValueType.CrudeRate => Rate(multiplier),
        Monitoring.Model.IndicatorValueType.Proportion when multiplier == 100 => Percent,
        _ => new ValueFormat(1, string.Empty),
    };

    /// <summary>The number alone: "1,759", "43.7".</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public string Number(double value) => value.ToString("N" + Decimals, Culture);

    /// <summary>The number with its unit: "43.7%", "229.0 per 100,000".</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public string Format(double value) => Number(value) + Suffix;

    /// <summary>A signed difference, with a true minus sign: "+47", "−5.3".</summary>
    /// <param name="difference">The difference.</param>
    /// <returns>The text.</returns>
    public string Signed(double difference) => (difference < 0 ? "−" : "+") + Math.Abs(difference).ToString("N" + Decimals, Culture);
}
