using System.Globalization;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Trends;

/// <summary>
/// The change in a crime type between two financial years, as the statistics engine's
/// <see cref="PeriodChange.ForRates"/> judges it, or the reason it was not compared (a partial or unreliable year,
/// no population).
/// </summary>
/// <param name="From">The earlier year, e.g. "2019/20".</param>
/// <param name="To">The later year.</param>
/// <param name="FromCount">Count in the earlier year.</param>
/// <param name="ToCount">Count in the later year.</param>
/// <param name="CountChange">Later − earlier count.</param>
/// <param name="CountPercentChange">Percentage change of the count; null when the earlier count is zero.</param>
/// <param name="FromRate">Earlier rate per 1,000.</param>
/// <param name="ToRate">Later rate per 1,000.</param>
/// <param name="RatePercentChange">Percentage change of the rate; null when not compared or the earlier rate is zero.</param>
/// <param name="RateRatioLower95">Lower 95% limit of the rate ratio.</param>
/// <param name="RateRatioUpper95">Upper 95% limit of the rate ratio.</param>
/// <param name="PValue">Two-sided p-value of the exact conditional test; null when not compared.</param>
/// <param name="Direction">Higher / Lower when significant at 95%, Similar otherwise, NotCompared when not compared.</param>
/// <param name="Outcome">The direction judged with crime's polarity (low is good): Better / Similar / Worse.</param>
/// <param name="NotComparedReason">Why the years were not compared; null when they were.</param>
public sealed record ChangeResult(
    string From,
    string To,
    long FromCount,
    long ToCount,
    long CountChange,
    double? CountPercentChange,
    double? FromRate,
    double? ToRate,
    double? RatePercentChange,
    double? RateRatioLower95,
    double? RateRatioUpper95,
    double? PValue,
    Direction Direction,
    ComparisonOutcome Outcome,
    string? NotComparedReason)
{
    /// <summary>Whether the two years were compared.</summary>
    public bool IsCompared => NotComparedReason is null;

    /// <summary>Whether the change is statistically significant (95%).</summary>
    public bool IsSignificant => Direction is Direction.Higher or Direction.Lower;

    /// <summary>The change computed by the statistics engine from two complete, reliable years.</summary>
    public static ChangeResult Compare(string from, string to, long fromCount, double fromPopulation, long toCount, double toPopulation)
    {
        var change = PeriodChange.ForRates(fromCount, fromPopulation, toCount, toPopulation, Polarity.LowIsGood, multiplier: 1000);
        return new ChangeResult(
            from,
            to,
            fromCount,
            toCount,
            change.CountChange,
            fromCount > 0 ? 100.0 * change.CountChange / fromCount : null,
            change.EarlierRate,
            change.LaterRate,
            change.PercentChange,
            change.RateRatioLower95,
            change.RateRatioUpper95,
            change.PValue,
            change.Direction,
            change.Outcome,
            null);
    }

    /// <summary>A change that was not compared, keeping the counts for display.</summary>
    public static ChangeResult NotCompared(string from, string to, long fromCount, long toCount, string reason) =>
        new(from, to, fromCount, toCount, toCount - fromCount, fromCount > 0 ? 100.0 * (toCount - fromCount) / fromCount : null,
            null, null, null, null, null, null, Direction.NotCompared, ComparisonOutcome.NotCompared, reason);

    /// <summary>The change in words with counts and percentage, e.g. "from 173 to 192 (+19, +11%), not significant".</summary>
    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var sign = CountChange >= 0 ? "+" : "−";
        var text = string.Format(inv, "from {0:N0} in {1} to {2:N0} in {3} ({4}{5:N0}", FromCount, From, ToCount, To, sign, Math.Abs(CountChange));
        if (CountPercentChange is { } p)
        {
            var rounded = Math.Round(p, MidpointRounding.AwayFromZero);
            text += string.Format(inv, ", {0}{1:0}%", rounded >= 0 ? "+" : "−", Math.Abs(rounded));
        }

        text += ")";
        return text + (IsCompared
            ? IsSignificant ? ", a significant change" : ", not a significant change"
            : $", not compared: {NotComparedReason}");
    }
}
