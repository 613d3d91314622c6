using CommunitySafety.Reports.Model;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Narrative;

/// <summary>
/// Every wording rule of the generated narrative, in one place. Sentences always give counts as well as percentages,
/// and say whether a change is statistically significant or within normal variation; they never judge a number
/// themselves: significance, trend, SPC and benchmark outcomes come from the statistics engine.
/// </summary>
/// <remarks>
/// <para>Worked examples (each is a test):</para>
/// <list type="bullet">
/// <item>224 → 271, significant: "Referrals to the ISVA service rose by 21% (from 224 to 271, +47) compared with
/// 2021/22; this is a statistically significant increase."</item>
/// <item>173 → 192, small and not significant: "Knife-enabled violence rose by 11% (from 173 to 192, +19) compared
/// with 2021/22; the numbers are small and the change is within normal variation."</item>
/// </list>
/// </remarks>
public static class NarrativeRules
{
    /// <summary>
    /// The sentence describing a year's monthly level: the average, the lowest and highest months with their counts, and
    /// the area's share of a larger comparator. Month-to-month movement is not tested, and the sentence says so.
    /// </summary>
    /// <param name="area">The area.</param>
    /// <param name="year">The year ("2024/25").</param>
    /// <param name="average">Mean monthly count in the year.</param>
    /// <param name="lowest">Lowest month's count and name.</param>
    /// <param name="highest">Highest month's count and name.</param>
    /// <param name="sharePercent">The area's share of the comparator's count in the year, percent.</param>
    /// <param name="comparator">The comparator ("the Bedfordshire Police area").</param>
    /// <returns>The sentence.</returns>
    public static Sentence MonthlyLevel(string area, string year, double average, (long Count, string Month) lowest, (long Count, string Month) highest, double sharePercent, string comparator) =>
        new($"In {year} {area} recorded an average of {average.ToString("N0", ValueFormat.Culture)} crimes a month, from {lowest.Count.ToString("N0", ValueFormat.Culture)} in {lowest.Month} "
            + $"to {highest.Count.ToString("N0", ValueFormat.Culture)} in {highest.Month}; that is {sharePercent.ToString("N0", ValueFormat.Culture)}% of the crime recorded in {comparator}. "
            + "Month-to-month movements are not tested for significance here; the change between years is tested in the strategic assessment.",
            NarrativeRule.Trend);

    /// <summary>The sentence describing a change between two periods.</summary>
    /// <param name="f">The facts.</param>
    /// <returns>The sentence and the rule that produced it.</returns>
    public static Sentence Change(ChangeFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Suppressed)
        {
            return new($"{f.Subject}: fewer than {f.SuppressionThreshold} in {f.Period}; the figure is withheld to protect privacy, so no change is reported.", NarrativeRule.Suppressed);
        }

        if (f.Value is not { } value)
        {
            var reason = f.MissingReason is { Length: > 0 } r ? $" ({Trim(r)})" : string.Empty;
            return new($"{f.Subject}: no value is available for {f.Period}{reason}.", NarrativeRule.MissingData);
        }

        var now = Describe(f.Format, value, f.Count, f.Denominator, f.ValueIsCount);
        if (f.IsFirstYear || f.EarlierPeriod is null)
        {
            return new($"{f.Subject} was {now} in {f.Period}; this is the first year of data, so there is no earlier year to compare with.", NarrativeRule.FirstYear);
        }

        if (f.EarlierValue is not { } earlier)
        {
            return new($"{f.Subject} was {now} in {f.Period}; there is no value for {f.EarlierPeriod} to compare with.", NarrativeRule.MissingData);
        }

        if (f.NotComparableReason is { Length: > 0 } why)
        {
            return new($"{f.Subject} was {now} in {f.Period}; it is not compared with {f.EarlierPeriod} because {Trim(why)}.", NarrativeRule.ChangeNotTested);
        }

        var difference = value - earlier;
        if (Math.Round(difference, f.Format.Decimals) == 0)
        {
            return new($"{f.Subject} was unchanged at {now} in {f.Period}, the same as in {f.EarlierPeriod}.", NarrativeRule.NoChange);
        }

        var up = difference > 0;
        var verb = up ? "rose" : "fell";
        string how;
        string brackets;
        if (f.Format.IsPercentage)
        {
            how = $" by {Math.Abs(difference).ToString("N" + f.Format.Decimals, ValueFormat.Culture)} percentage points";
            brackets = $"from {f.Format.Format(earlier)} to {f.Format.Format(value)}" + CountsOf(f);
        }
        else
        {
            how = earlier == 0 ? string.Empty : $" by {Percent(difference / earlier * 100)}";
            brackets = $"from {f.Format.Number(earlier)} to {f.Format.Format(value)}, {f.Format.Signed(difference)}" + CountsOf(f);
        }

        var (clause, rule) = Significance(f, up);
        return new($"{f.Subject} {verb}{how} ({brackets}) compared with {f.EarlierPeriod}; {clause}.", rule);
    }

    /// <summary>The sentence for a recent trend marker.</summary>
    /// <param name="subject">What is measured (sentence start), e.g. "Referrals to the ISVA service".</param>
    /// <param name="marker">The engine's marker.</param>
    /// <param name="span">The periods it covers, e.g. "2018/19 to 2022/23"; null when unknown.</param>
    /// <returns>The sentence.</returns>
    public static Sentence Trend(string subject, TrendMarker marker, string? span)
    {
        var over = span is { Length: > 0 } ? $"Over the five periods {span}" : "Over the last five periods";
        var text = marker switch
        {
            TrendMarker.CannotBeCalculated => $"A recent trend for {Lower(subject)} cannot be calculated: it needs five consecutive periods with values.",
            TrendMarker.NoSignificantChange => $"{over} there is no statistically significant trend in {Lower(subject)}.",
            _ => $"{over} {Lower(subject)} shows a statistically significant trend: {Lower(marker.ToLabel())}.",
        };
        return new(text, NarrativeRule.Trend);
    }

    /// <summary>
    /// The sentence for the SPC status of the latest point, and assurance against a target, in plain words ("unusually
    /// low", "no unusual change"); the method's name is in the report's methods appendix, not here.
    /// </summary>
    /// <param name="variation">The engine's variation status.</param>
    /// <param name="assurance">The engine's assurance status.</param>
    /// <returns>The sentence.</returns>
    public static Sentence Spc(VariationStatus variation, AssuranceStatus assurance)
    {
        var text = variation switch
        {
            VariationStatus.InsufficientData => "There are too few points yet to know the usual range of values, so the latest value is not judged against it",
            VariationStatus.CommonCause => "The latest value is within its usual range (no unusual change)",
            VariationStatus.ImprovingHigh => "The latest value is unusually high for this indicator, an improvement",
            VariationStatus.ImprovingLow => "The latest value is unusually low for this indicator, an improvement",
            VariationStatus.ConcerningHigh => "The latest value is unusually high for this indicator, a concern",
            VariationStatus.ConcerningLow => "The latest value is unusually low for this indicator, a concern",
            VariationStatus.NeitherHigh => "The latest value is unusually high for this indicator",
            _ => "The latest value is unusually low for this indicator",
        };
        text += assurance switch
        {
            AssuranceStatus.ConsistentlyMet => "; at this level the target is consistently met.",
            AssuranceStatus.ConsistentlyFailed => "; at this level the target will consistently be missed unless something changes.",
            AssuranceStatus.HitAndMiss => "; at this level the target will be met some of the time and missed at other times.",
            _ => ".",
        };
        return new(text, NarrativeRule.Spc);
    }

    /// <summary>The latest point's variation as a short clause for a headline: "the latest value is unusually low"; null when unremarkable.</summary>
    /// <param name="variation">The engine's variation status.</param>
    /// <returns>The clause, or null.</returns>
    public static string? VariationClause(VariationStatus variation) => variation switch
    {
        VariationStatus.ImprovingHigh or VariationStatus.ConcerningHigh or VariationStatus.NeitherHigh => "the latest value is unusually high",
        VariationStatus.ImprovingLow or VariationStatus.ConcerningLow or VariationStatus.NeitherLow => "the latest value is unusually low",
        _ => null,
    };

    /// <summary>The sentence comparing a value with its benchmark.</summary>
    /// <param name="subject">What is measured (sentence start).</param>
    /// <param name="value">The area's value, formatted.</param>
    /// <param name="benchmarkName">The benchmark, e.g. "England".</param>
    /// <param name="benchmarkValue">The benchmark's value, formatted; null when missing.</param>
    /// <param name="outcome">The engine's outcome.</param>
    /// <returns>The sentence.</returns>
    public static Sentence Benchmark(string subject, string value, string benchmarkName, string? benchmarkValue, ComparisonOutcome outcome)
    {
        var text = outcome switch
        {
            ComparisonOutcome.NotCompared => $"{subject} ({value}) could not be compared with {benchmarkName}" + (benchmarkValue is null ? $": there is no {benchmarkName} value." : "."),
            ComparisonOutcome.Similar => $"{subject} ({value}) is not significantly different from {benchmarkName} ({benchmarkValue}).",
            ComparisonOutcome.Higher => $"{subject} ({value}) is significantly higher than {benchmarkName} ({benchmarkValue}).",
            ComparisonOutcome.Lower => $"{subject} ({value}) is significantly lower than {benchmarkName} ({benchmarkValue}).",
            ComparisonOutcome.Better or ComparisonOutcome.Best => $"{subject} ({value}) is significantly better than {benchmarkName} ({benchmarkValue}).",
            _ => $"{subject} ({value}) is significantly worse than {benchmarkName} ({benchmarkValue}).",
        };
        return new(text, NarrativeRule.Benchmark);
    }

    /// <summary>A percentage change as words: "21%", "less than 1%".</summary>
    /// <param name="percent">The percentage (sign ignored).</param>
    /// <returns>The text.</returns>
    public static string Percent(double percent)
    {
        var abs = Math.Abs(percent);
        return abs < 0.5 ? "less than 1%" : Math.Round(abs, MidpointRounding.AwayFromZero).ToString("N0", ValueFormat.Culture) + "%";
    }

    /// <summary>A short headline stating the finding, for a chart title: "Referrals to the ISVA service: up 21% on 2021/22, a statistically significant increase".</summary>
    /// <param name="f">The facts.</param>
    /// <returns>The headline (no full stop).</returns>
    public static string Headline(ChangeFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Suppressed || f.Value is not { } value)
        {
            return f.Subject;
        }

        if (f.IsFirstYear || f.EarlierPeriod is null || f.EarlierValue is not { } earlier || f.NotComparableReason is not null)
        {
            return $"{f.Subject}: {f.Format.Format(value)} in {f.Period}";
        }

        var difference = value - earlier;
        if (Math.Round(difference, f.Format.Decimals) == 0)
        {
            return $"{f.Subject}: unchanged on {f.EarlierPeriod}" + (VariationClause(f.LatestVariation) is { } same ? $"; {same}" : string.Empty);
        }

        var by = f.Format.IsPercentage
            ? $"{Math.Abs(difference).ToString("N" + f.Format.Decimals, ValueFormat.Culture)} percentage points"
            : earlier == 0 ? $"{f.Format.Signed(difference)}" : Percent(difference / earlier * 100);
        var (_, rule) = Significance(f, difference > 0);
        var how = rule switch
        {
            NarrativeRule.SignificantIncrease or NarrativeRule.SignificantDecrease => "statistically significant",
            NarrativeRule.ChangeNotTested => "not tested",
            _ => "within normal variation",
        };
        var headline = $"{f.Subject}: {(difference > 0 ? "up" : "down")} {by} on {f.EarlierPeriod} ({how})";
        return VariationClause(f.LatestVariation) is { } unusual ? $"{headline}; {unusual}" : headline;
    }

    private static (string Clause, NarrativeRule Rule) Significance(ChangeFacts f, bool up)
    {
        var word = up ? "increase" : "decrease";
        if (f.Direction == Direction.NotCompared)
        {
            return ("it could not be tested for statistical significance", NarrativeRule.ChangeNotTested);
        }

        var significant = f.Direction is Direction.Higher or Direction.Lower;
        if (significant)
        {
            var judged = f.Outcome switch
            {
                ComparisonOutcome.Better or ComparisonOutcome.Best => " and an improvement",
                ComparisonOutcome.Worse or ComparisonOutcome.Worst => " and a deterioration",
                _ => string.Empty,
            };
            var small = f.SmallNumbers ? ", although the numbers are small" : string.Empty;
            return ($"this is a statistically significant {word}{judged}{small}", up ? NarrativeRule.SignificantIncrease : NarrativeRule.SignificantDecrease);
        }

        var clause = f.SmallNumbers
            ? "the numbers are small and the change is within normal variation"
            : "the change is within normal variation (not statistically significant)";
        return (clause, up ? NarrativeRule.IncreaseWithinVariation : NarrativeRule.DecreaseWithinVariation);
    }

    private static string Describe(ValueFormat format, double value, double? count, double? denominator, bool valueIsCount)
    {
        var text = format.Format(value);
        if (!valueIsCount && count is { } c)
        {
            text += denominator is { } d && format.IsPercentage
                ? $" ({c.ToString("N0", ValueFormat.Culture)} of {d.ToString("N0", ValueFormat.Culture)})"
                : $" ({c.ToString("N0", ValueFormat.Culture)} in number)";
        }

        return text;
    }

    private static string CountsOf(ChangeFacts f)
    {
        if (f.ValueIsCount || f.Count is not { } now || f.EarlierCount is not { } then)
        {
            return string.Empty;
        }

        var c = ValueFormat.Culture;
        return f.Format.IsPercentage && f.Denominator is { } d && f.EarlierDenominator is { } ed
            ? $"; {then.ToString("N0", c)} of {ed.ToString("N0", c)} to {now.ToString("N0", c)} of {d.ToString("N0", c)}"
            : $"; {then.ToString("N0", c)} to {now.ToString("N0", c)} in number";
    }

    private static string Trim(string s) => s.TrimEnd('.', ' ');

    /// <summary>Lower-cases the first letter unless the word is an acronym ("ISVA") or a name follows.</summary>
    internal static string Lower(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
