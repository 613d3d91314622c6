using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Monitoring.Judgement;

/// <summary>
/// Judges one indicator value: limits, changes, trend marker, SPC, RAG, benchmark and small numbers, all through
/// the statistics engine. A pure function of its arguments (no database, no clock).
/// </summary>
public static class IndicatorJudge
{
    /// <summary>Judges <paramref name="indicator"/> for <paramref name="period"/>.</summary>
    /// <param name="indicator">The indicator, with its <see cref="Indicator.Targets"/>.</param>
    /// <param name="series">The area's values of one category (any order; other periods give changes, trend and SPC).</param>
    /// <param name="period">The period to judge.</param>
    /// <param name="benchmarkSeries">The benchmark area's values of the same category, if any.</param>
    /// <param name="options">Options; <see cref="IndicatorJudgementOptions.Default"/> when null.</param>
    /// <returns>The judgement.</returns>
    /// <example>
    /// A count indicator with 220 in Q4 2021/22 and 267 in Q4 2022/23 gives SinceSamePeriodLastYear with
    /// Difference 47, PercentChange 21.4 and the engine's exact test of two Poisson counts.
    /// </example>
    public static IndicatorJudgement Judge(
        Indicator indicator,
        IReadOnlyList<IndicatorValue> series,
        ReportingPeriod period,
        IReadOnlyList<IndicatorValue>? benchmarkSeries = null,
        IndicatorJudgementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        options ??= IndicatorJudgementOptions.Default;
        var notes = new List<string>();
        var byStart = series.Where(v => v.PeriodKind == period.Kind).GroupBy(v => v.PeriodStart).ToDictionary(g => g.Key, g => g.First());
        byStart.TryGetValue(period.FirstMonth.Index, out var current);
        var first = current ?? series.FirstOrDefault();
        var area = first?.AreaCode ?? string.Empty;
        var limits = Limits(indicator, current, notes);

        var previous = Compare(indicator, byStart, current, period.Previous, options);
        var lastYear = Compare(indicator, byStart, current, period.SamePeriodLastYear, options);
        PeriodComparison? baseline = null;
        if (indicator.BaselinePeriod is { Length: > 0 } baselineText)
        {
            if (ReportingPeriod.TryParse(baselineText, null, out var baselinePeriod) && baselinePeriod.Kind == period.Kind)
            {
                baseline = Compare(indicator, byStart, current, baselinePeriod, options);
            }
            else
            {
                notes.Add($"The baseline '{baselineText}' is not a {period.Kind} period, so no change since baseline is given.");
            }
        }

        var trend = Trend(indicator, byStart, period);
        var target = TargetFor(indicator, period);
        XmrResult? spc = null;
        var upTo = byStart.Where(kv => kv.Key <= period.FirstMonth.Index && kv.Value.Value is not null).OrderBy(kv => kv.Key).Select(kv => kv.Value.Value!.Value).ToList();
        if (current?.Value is not null && upTo.Count > 0)
        {
            spc = XmrChart.Analyse(upTo, indicator.Polarity, options.Spc, SingleTarget(target, indicator.Polarity));
        }

        BenchmarkJudgement? benchmark = null;
        if (indicator.ResolvedBenchmarkAreaCode is { } benchmarkArea)
        {
            var benchmarkRow = benchmarkSeries?.FirstOrDefault(v => v.PeriodKind == period.Kind && v.PeriodStart == period.FirstMonth.Index);
            var benchmarkValue = benchmarkRow?.Value;
            var outcome = options.BenchmarkMethod switch
            {
                ComparisonMethod.ConfidenceInterval95And998 =>
                    BenchmarkComparison.Compare95And998(benchmarkValue, limits.Lower95, limits.Upper95, limits.Lower998, limits.Upper998, indicator.Polarity),
                ComparisonMethod.OverlappingIntervals when benchmarkRow is not null && Limits(indicator, benchmarkRow, []) is var b =>
                    BenchmarkComparison.CompareOverlap(limits.Lower95, limits.Upper95, b.Lower95, b.Upper95, indicator.Polarity),
                _ => BenchmarkComparison.Compare95(benchmarkValue, limits.Lower95, limits.Upper95, indicator.Polarity),
            };
            if (benchmarkValue is null)
            {
                notes.Add($"No {period} value for the benchmark {benchmarkArea}.");
            }

            benchmark = new BenchmarkJudgement(benchmarkArea, benchmarkValue, outcome);
        }

        return new IndicatorJudgement
        {
            IndicatorCode = indicator.Code,
            Title = indicator.Title,
            Polarity = indicator.Polarity,
            ValueType = indicator.ValueType,
            IsExampleData = indicator.IsExampleData,
            AreaCode = area,
            Period = period,
            CategoryType = first?.CategoryType ?? string.Empty,
            Category = first?.Category ?? string.Empty,
            Value = current?.Value,
            Count = current?.Count,
            Denominator = current?.Denominator,
            Status = current?.Status,
            MissingReason = current is null ? "No value recorded" : current.MissingReason,
            Lower95 = limits.Lower95,
            Upper95 = limits.Upper95,
            Lower998 = limits.Lower998,
            Upper998 = limits.Upper998,
            LimitsSource = limits.Source,
            SincePreviousPeriod = previous,
            SinceSamePeriodLastYear = lastYear,
            SinceBaseline = baseline,
            Trend = trend,
            Spc = spc,
            Variation = spc?.Variation ?? VariationStatus.InsufficientData,
            Assurance = spc?.Assurance ?? AssuranceStatus.NotApplicable,
            Target = target,
            Rag = RagAgainst(target, current?.Value, limits.Lower95, limits.Upper95, indicator.Polarity),
            Benchmark = benchmark,
            SmallNumbers = current?.Count is { } c && c < options.SmallCountThreshold,
            SuppressWhenPublished = DisclosureControl.MustSuppress(indicator, current, byStart.GetValueOrDefault(period.SamePeriodLastYear.FirstMonth.Index)),
            Notes = notes,
        };
    }

    /// <summary>
    /// RAG against a target: green when the value meets it, amber when it does not but the 95% interval reaches it
    /// (not significantly different), red otherwise.
    /// </summary>
    /// <param name="target">The target (single value or range), or null.</param>
    /// <param name="value">The value.</param>
    /// <param name="lower95">Lower 95% limit, if any.</param>
    /// <param name="upper95">Upper 95% limit, if any.</param>
    /// <param name="polarity">
    /// For a single value (Lower = Upper) it says which side meets it: at or below for low-is-good, at or above for
    /// high-is-good.
    /// </param>
    /// <returns>The rating; <see cref="Rag.None"/> without a target or value.</returns>
    public static Rag RagAgainst(IndicatorTarget? target, double? value, double? lower95, double? upper95, Polarity polarity)
    {
        if (target is null || value is not { } v || (target.Lower is null && target.Upper is null))
        {
            return Rag.None;
        }

        var (low, high) = PolarityRules.TargetBand(target.Lower, target.Upper, polarity);

        if (v >= low && v <= high)
        {
            return Rag.Green;
        }

        var (l, u) = (lower95 ?? v, upper95 ?? v);
        return u >= low && l <= high ? Rag.Amber : Rag.Red;
    }

    private static (double? Lower95, double? Upper95, double? Lower998, double? Upper998, LimitsSource Source) Limits(
        Indicator indicator, IndicatorValue? value, List<string> notes)
    {
        if (value?.Value is null)
        {
            return (null, null, null, null, LimitsSource.None);
        }

        if (value.Lower95 is not null && value.Upper95 is not null)
        {
            return (value.Lower95, value.Upper95, value.Lower998, value.Upper998, LimitsSource.Supplied);
        }

        var count = WholeCount(value.Count);
        switch (indicator.ValueType)
        {
            case IndicatorValueType.Count when count is { } n:
                var (l95, u95, l998, u998) = PoissonLimits.Limits(n);
                return (l95, u95, l998, u998, LimitsSource.Computed);
            case IndicatorValueType.CrudeRate when count is { } n && value.Denominator is > 0 and var d:
                var rate = CrudeRate.Calculate(n, d, new RateOptions { Multiplier = indicator.Multiplier });
                return (rate.Lower95, rate.Upper95, rate.Lower998, rate.Upper998, LimitsSource.Computed);
            case IndicatorValueType.Proportion when count is { } n && WholeCount(value.Denominator) is > 0 and var d && n <= d:
                var proportion = Proportion.Calculate(n, d, indicator.Multiplier);
                return (proportion.Lower95, proportion.Upper95, proportion.Lower998, proportion.Upper998, LimitsSource.Computed);
            default:
                notes.Add($"No limits: a {indicator.ValueType} needs a whole count{(indicator.ValueType is IndicatorValueType.CrudeRate or IndicatorValueType.Proportion ? " and a denominator" : string.Empty)}, or supplied limits.");
                return (null, null, null, null, LimitsSource.None);
        }
    }

    private static PeriodComparison Compare(
        Indicator indicator, Dictionary<int, IndicatorValue> byStart, IndicatorValue? current, ReportingPeriod from, IndicatorJudgementOptions options)
    {
        byStart.TryGetValue(from.FirstMonth.Index, out var earlier);
        var (fromValue, toValue) = (earlier?.Value, current?.Value);
        double? difference = fromValue is { } a && toValue is { } b ? b - a : null;
        double? percent = difference is { } diff && fromValue is { } f && f != 0 ? diff / f * 100 : null;
        double? countChange = earlier?.Count is { } c1 && current?.Count is { } c2 ? c2 - c1 : null;
        if (fromValue is null || toValue is null)
        {
            var why = toValue is null
                ? $"No value for {current?.Period.ToString() ?? "this period"}" + (current?.MissingReason is { } r ? $" ({r})" : string.Empty)
                : $"No value for {from}" + (earlier?.MissingReason is { } m ? $" ({m})" : string.Empty);
            return new PeriodComparison(from, fromValue, toValue, null, null, null, null, Direction.NotCompared, ComparisonOutcome.NotCompared, why + ".");
        }

        var (n1, n2) = (WholeCount(earlier!.Count), WholeCount(current!.Count));
        switch (indicator.ValueType)
        {
            case IndicatorValueType.Count when n1 is { } e && n2 is { } l:
                var counts = PeriodChange.ForCounts(e, l, indicator.Polarity, options.SignificanceLevel);
                return new PeriodComparison(from, fromValue, toValue, difference, percent, countChange, counts.PValue, counts.Direction, counts.Outcome, null);
            case IndicatorValueType.CrudeRate when n1 is { } e && n2 is { } l && earlier.Denominator is > 0 and var d1 && current.Denominator is > 0 and var d2:
                var rates = PeriodChange.ForRates(e, d1, l, d2, indicator.Polarity, indicator.Multiplier, options.SignificanceLevel);
                return new PeriodComparison(from, fromValue, toValue, difference, percent, countChange, rates.PValue, rates.Direction, rates.Outcome, null);
            case IndicatorValueType.Proportion when n1 is { } e && n2 is { } l
                                                    && WholeCount(earlier.Denominator) is > 0 and var d1 && WholeCount(current.Denominator) is > 0 and var d2
                                                    && e <= d1 && l <= d2:
                var proportions = PeriodChange.ForProportions(e, d1, l, d2, indicator.Polarity, indicator.Multiplier, options.SignificanceLevel);
                return new PeriodComparison(from, fromValue, toValue, difference, percent, countChange, proportions.PValue, proportions.Direction, proportions.Outcome, null);
            default:
                return new PeriodComparison(from, fromValue, toValue, difference, percent, countChange, null, Direction.NotCompared, ComparisonOutcome.NotCompared,
                    "Not tested for significance: no counts (and denominators) for both periods.");
        }
    }

    private static TrendResult Trend(Indicator indicator, Dictionary<int, IndicatorValue> byStart, ReportingPeriod period)
    {
        var periods = new List<ReportingPeriod> { period };
        for (var i = 1; i < RecentTrend.Points; i++)
        {
            periods.Insert(0, periods[0].Previous);
        }

        var values = periods.Select(p => byStart.GetValueOrDefault(p.FirstMonth.Index)).ToList();
        if (indicator.ValueType == IndicatorValueType.Proportion && values.All(v => WholeCount(v?.Count) is not null && WholeCount(v?.Denominator) is > 0))
        {
            return RecentTrend.ForProportions(
                [.. values.Select(v => new ProportionTrendPoint(WholeCount(v!.Count), WholeCount(v.Denominator)))], indicator.Polarity);
        }

        var points = values.Select(v =>
        {
            var l = v is null ? default : Limits(indicator, v, []);
            return new RateTrendPoint(v?.Value, l.Lower95, l.Upper95);
        }).ToList();
        return RecentTrend.ForRates(points, indicator.Polarity);
    }

    private static IndicatorTarget? TargetFor(Indicator indicator, ReportingPeriod period)
    {
        var text = period.ToString();
        return indicator.Targets.FirstOrDefault(t => t.Period == text) ?? indicator.Targets.FirstOrDefault(t => t.Period is null);
    }

    private static double? SingleTarget(IndicatorTarget? target, Polarity polarity) =>
        target is null ? null : PolarityRules.SingleTarget(target.Lower, target.Upper, polarity);

    private static long? WholeCount(double? count) =>
        count is { } c && c >= 0 && Math.Abs(c - Math.Round(c)) < 1e-9 && c < long.MaxValue ? (long)Math.Round(c) : null;
}
