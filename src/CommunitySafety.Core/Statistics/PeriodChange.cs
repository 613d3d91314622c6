using System.Globalization;
using CommunitySafety.Statistics.Internals;

namespace CommunitySafety.Statistics;

/// <summary>
/// The change in a count or rate between an earlier and a later period, with the exact conditional test of the
/// ratio of two Poisson rates. Both counts are kept so that a sentence can say "from 173 to 192 (+19, +11%)".
/// </summary>
/// <param name="EarlierCount">Count in the earlier (baseline) period.</param>
/// <param name="LaterCount">Count in the later period.</param>
/// <param name="EarlierDenominator">Population or person-time in the earlier period.</param>
/// <param name="LaterDenominator">Population or person-time in the later period.</param>
/// <param name="Multiplier">Rates are per this many.</param>
/// <param name="EarlierRate">Earlier rate.</param>
/// <param name="LaterRate">Later rate.</param>
/// <param name="CountChange">Later count − earlier count.</param>
/// <param name="RateDifference">Later rate − earlier rate.</param>
/// <param name="PercentChange">Percentage change in the rate; null when the earlier rate is zero.</param>
/// <param name="RateRatio">Later rate / earlier rate; null when the earlier count is zero.</param>
/// <param name="RateRatioLower95">Lower 95% limit of the rate ratio (exact, conditional on the total).</param>
/// <param name="RateRatioUpper95">Upper 95% limit of the rate ratio; null when unbounded.</param>
/// <param name="PValue">Two-sided p-value of the exact conditional binomial test.</param>
/// <param name="Direction">Higher / Lower when significant at the chosen level, else Similar.</param>
/// <param name="Outcome">The direction judged by polarity.</param>
public sealed record RateChange(
    long EarlierCount,
    long LaterCount,
    double EarlierDenominator,
    double LaterDenominator,
    double Multiplier,
    double EarlierRate,
    double LaterRate,
    long CountChange,
    double RateDifference,
    double? PercentChange,
    double? RateRatio,
    double? RateRatioLower95,
    double? RateRatioUpper95,
    double PValue,
    Direction Direction,
    ComparisonOutcome Outcome)
{
    /// <summary>Whether this compares plain counts (denominators and multiplier of 1, as <see cref="PeriodChange.ForCounts"/>).</summary>
    public bool IsCountComparison => EarlierDenominator == 1 && LaterDenominator == 1 && Multiplier == 1;

    /// <summary>
    /// The change in words, describing the same quantity as the figures (invariant culture): for counts
    /// "from 173 to 192 (+19, +11%)"; for rates the rates first and the counts after, e.g.
    /// "rate from 697.44 to 1,375 per 100,000 (+677.56, +97%); events from 21 to 11".
    /// </summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        if (IsCountComparison)
        {
            var text = string.Format(inv, "from {0:N0} to {1:N0} ({2}{3:N0}", EarlierCount, LaterCount, CountChange >= 0 ? "+" : "−", Math.Abs(CountChange));
            return text + Percent(PercentChange) + ")";
        }

        var rates = string.Format(
            inv,
            "rate from {0:#,##0.##} to {1:#,##0.##} per {2:#,##0.##} ({3}{4:#,##0.##}",
            EarlierRate,
            LaterRate,
            Multiplier,
            RateDifference >= 0 ? "+" : "−",
            Math.Abs(RateDifference));
        return rates + Percent(PercentChange) + string.Format(inv, "); events from {0:N0} to {1:N0}", EarlierCount, LaterCount);

        static string Percent(double? percentChange)
        {
            if (percentChange is not { } p)
            {
                return string.Empty;
            }

            var rounded = Math.Round(p, MidpointRounding.AwayFromZero);
            return string.Format(CultureInfo.InvariantCulture, ", {0}{1:0}%", rounded >= 0 ? "+" : "−", Math.Abs(rounded));
        }
    }
}

/// <summary>
/// The change in a proportion between two periods with the two-sample (pooled) z test and Newcombe's hybrid score
/// interval for the difference.
/// </summary>
/// <param name="EarlierNumerator">Earlier numerator.</param>
/// <param name="EarlierDenominator">Earlier denominator.</param>
/// <param name="LaterNumerator">Later numerator.</param>
/// <param name="LaterDenominator">Later denominator.</param>
/// <param name="Multiplier">100 for percentages.</param>
/// <param name="EarlierValue">Earlier proportion × multiplier.</param>
/// <param name="LaterValue">Later proportion × multiplier.</param>
/// <param name="Difference">Later − earlier, × multiplier.</param>
/// <param name="DifferenceLower95">Lower 95% limit of the difference (Newcombe method 10).</param>
/// <param name="DifferenceUpper95">Upper 95% limit of the difference.</param>
/// <param name="PercentChange">Relative change in percent; null when the earlier proportion is zero.</param>
/// <param name="PValue">Two-sided p-value of the pooled two-proportion z test.</param>
/// <param name="Direction">Higher / Lower when significant, else Similar.</param>
/// <param name="Outcome">The direction judged by polarity.</param>
public sealed record ProportionChange(
    long EarlierNumerator,
    long EarlierDenominator,
    long LaterNumerator,
    long LaterDenominator,
    double Multiplier,
    double EarlierValue,
    double LaterValue,
    double Difference,
    double DifferenceLower95,
    double DifferenceUpper95,
    double? PercentChange,
    double PValue,
    Direction Direction,
    ComparisonOutcome Outcome);

/// <summary>
/// Change between two periods (this year against last, or against a chosen baseline year).
/// </summary>
/// <remarks>
/// <para>Counts and rates: conditional on the total N = O₁ + O₂, the later count is Binomial(N, π₀) with
/// π₀ = n₂/(n₁ + n₂) when the rates are equal. The two-sided p-value sums the probabilities of outcomes no more
/// likely than the one observed (the "minimum likelihood" method of R's <c>binom.test</c> and SciPy's
/// <c>binomtest</c>); the rate ratio's interval maps the Clopper–Pearson interval of π: RR = π/(1 − π) × n₁/n₂.
/// Source: Breslow &amp; Day (1987) §2.7 (comparison of two Poisson rates); Armitage, Berry &amp; Matthews,
/// Statistical Methods in Medical Research, 4th ed., §5.3.</para>
/// <para>Proportions: z = (p₂ − p₁)/√(p(1 − p)(1/n₁ + 1/n₂)) with the pooled p; Newcombe RG, "Interval estimation
/// for the difference between independent proportions", Statistics in Medicine 1998;17:873–890 (method 10).</para>
/// <para>Worked number: 173 crimes last year and 192 this year (same population) is +19, +11%, p = 0.346, not
/// significant.</para>
/// </remarks>
public static class PeriodChange
{
    private const double RelativeTolerance = 1 + 1e-7;

    /// <summary>The change between two counts over the same population.</summary>
    /// <param name="earlierCount">Earlier count.</param>
    /// <param name="laterCount">Later count.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="significanceLevel">Two-sided level, 0.05 by default.</param>
    /// <returns>The change.</returns>
    public static RateChange ForCounts(long earlierCount, long laterCount, Polarity polarity = Polarity.NoJudgement, double significanceLevel = 0.05) =>
        ForRates(earlierCount, 1, laterCount, 1, polarity, 1, significanceLevel);

    /// <summary>The change between two rates.</summary>
    /// <param name="earlierCount">Earlier count.</param>
    /// <param name="earlierDenominator">Earlier population, &gt; 0.</param>
    /// <param name="laterCount">Later count.</param>
    /// <param name="laterDenominator">Later population, &gt; 0.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="multiplier">Rates per this many, 100,000 by default.</param>
    /// <param name="significanceLevel">Two-sided level, 0.05 by default.</param>
    /// <returns>The change.</returns>
    public static RateChange ForRates(
        long earlierCount,
        double earlierDenominator,
        long laterCount,
        double laterDenominator,
        Polarity polarity = Polarity.NoJudgement,
        double multiplier = 100_000,
        double significanceLevel = 0.05)
    {
        if (earlierCount < 0)
        {
            StatisticsThrow.NegativeCount(nameof(earlierCount), earlierCount);
        }

        if (laterCount < 0)
        {
            StatisticsThrow.NegativeCount(nameof(laterCount), laterCount);
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(earlierDenominator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(laterDenominator);

        var earlierRate = earlierCount / earlierDenominator * multiplier;
        var laterRate = laterCount / laterDenominator * multiplier;
        var total = earlierCount + laterCount;
        var pi0 = laterDenominator / (earlierDenominator + laterDenominator);
        var pValue = BinomialTestTwoSided(laterCount, total, pi0);

        double? ratio = earlierCount > 0 ? laterRate / earlierRate : null;
        double? ratioLower = null, ratioUpper = null;
        if (total > 0)
        {
            var odds = earlierDenominator / laterDenominator;
            var piLower = laterCount == 0 ? 0 : Distributions.BetaQuantile(0.025, laterCount, total - laterCount + 1);
            ratioLower = piLower / (1 - piLower) * odds;
            if (laterCount < total)
            {
                var piUpper = Distributions.BetaQuantile(0.975, laterCount + 1, total - laterCount);
                ratioUpper = piUpper / (1 - piUpper) * odds;
            }
        }

        var direction = pValue < significanceLevel
            ? (laterRate > earlierRate ? Direction.Higher : Direction.Lower)
            : Direction.Similar;
        return new RateChange(
            earlierCount,
            laterCount,
            earlierDenominator,
            laterDenominator,
            multiplier,
            earlierRate,
            laterRate,
            laterCount - earlierCount,
            laterRate - earlierRate,
            earlierCount > 0 ? (laterRate - earlierRate) / earlierRate * 100 : null,
            ratio,
            ratioLower,
            ratioUpper,
            pValue,
            direction,
            PolarityRules.Judge(direction, polarity));
    }

    /// <summary>The change between two proportions.</summary>
    /// <param name="earlierNumerator">Earlier numerator.</param>
    /// <param name="earlierDenominator">Earlier denominator, &gt; 0.</param>
    /// <param name="laterNumerator">Later numerator.</param>
    /// <param name="laterDenominator">Later denominator, &gt; 0.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <param name="multiplier">100 for percentages (default).</param>
    /// <param name="significanceLevel">Two-sided level, 0.05 by default.</param>
    /// <returns>The change.</returns>
    public static ProportionChange ForProportions(
        long earlierNumerator,
        long earlierDenominator,
        long laterNumerator,
        long laterDenominator,
        Polarity polarity = Polarity.NoJudgement,
        double multiplier = 100,
        double significanceLevel = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(earlierDenominator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(laterDenominator);
        if (earlierNumerator < 0 || earlierNumerator > earlierDenominator)
        {
            throw new ArgumentOutOfRangeException(nameof(earlierNumerator), earlierNumerator, "The numerator must be between 0 and the denominator.");
        }

        if (laterNumerator < 0 || laterNumerator > laterDenominator)
        {
            throw new ArgumentOutOfRangeException(nameof(laterNumerator), laterNumerator, "The numerator must be between 0 and the denominator.");
        }

        var p1 = (double)earlierNumerator / earlierDenominator;
        var p2 = (double)laterNumerator / laterDenominator;
        var pooled = (double)(earlierNumerator + laterNumerator) / (earlierDenominator + laterDenominator);
        var variance = pooled * (1 - pooled) * ((1.0 / earlierDenominator) + (1.0 / laterDenominator));
        var pValue = variance > 0 ? 2 * Distributions.NormalUpperTail(Math.Abs(p2 - p1) / Math.Sqrt(variance)) : 1;

        var (l1, u1) = Proportion.WilsonLimits(earlierNumerator, earlierDenominator, ZValues.Exact95);
        var (l2, u2) = Proportion.WilsonLimits(laterNumerator, laterDenominator, ZValues.Exact95);
        var d = p2 - p1;
        var lower = d - Math.Sqrt(((p2 - l2) * (p2 - l2)) + ((u1 - p1) * (u1 - p1)));
        var upper = d + Math.Sqrt(((u2 - p2) * (u2 - p2)) + ((p1 - l1) * (p1 - l1)));

        var direction = pValue < significanceLevel ? (p2 > p1 ? Direction.Higher : Direction.Lower) : Direction.Similar;
        return new ProportionChange(
            earlierNumerator,
            earlierDenominator,
            laterNumerator,
            laterDenominator,
            multiplier,
            p1 * multiplier,
            p2 * multiplier,
            d * multiplier,
            lower * multiplier,
            upper * multiplier,
            p1 > 0 ? d / p1 * 100 : null,
            pValue,
            direction,
            PolarityRules.Judge(direction, polarity));
    }

    /// <summary>
    /// Two-sided exact binomial test of x successes in n trials against probability p, summing the probabilities of
    /// outcomes no more likely than x (relative tolerance 1e-7, as R and SciPy).
    /// </summary>
    /// <param name="x">Successes.</param>
    /// <param name="n">Trials.</param>
    /// <param name="p">Probability under the null hypothesis.</param>
    /// <returns>The p-value, at most 1.</returns>
    public static double BinomialTestTwoSided(long x, long n, double p)
    {
        if (n == 0)
        {
            return 1;
        }

        var mean = n * p;
        var d = Distributions.BinomialPmf(x, n, p);
        if (x == mean)
        {
            return 1;
        }

        double result;
        if (x < mean)
        {
            // Count outcomes at or above ⌈mean⌉ whose probability is ≤ d; the pmf decreases there.
            var start = (long)Math.Ceiling(mean);
            var first = FirstAtOrBelow(start, n, k => Distributions.BinomialPmf(k, n, p) <= d * RelativeTolerance);
            if (first == x + 1)
            {
                return 1;
            }

            result = Distributions.BinomialCdf(x, n, p) + Distributions.BinomialUpperTail(first - 1, n, p);
        }
        else
        {
            // Count outcomes at or below ⌊mean⌋ whose probability is ≤ d; the pmf increases there.
            var end = (long)Math.Floor(mean);
            var last = LastAtOrBelow(0, end, k => Distributions.BinomialPmf(k, n, p) <= d * RelativeTolerance);
            if (last == x - 1)
            {
                // Every outcome is as extreme as x: nothing lies between the tails.
                return 1;
            }

            result = Distributions.BinomialCdf(last, n, p) + Distributions.BinomialUpperTail(x - 1, n, p);
        }

        return Math.Min(1, result);
    }

    // Smallest k in [from, to] satisfying a predicate that is false then true; to + 1 when never true.
    private static long FirstAtOrBelow(long from, long to, Func<long, bool> predicate)
    {
        long lo = from, hi = to + 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (predicate(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    // Largest k in [from, to] satisfying a predicate that is true then false; from − 1 when never true.
    private static long LastAtOrBelow(long from, long to, Func<long, bool> predicate)
    {
        long lo = from - 1, hi = to;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (predicate(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
