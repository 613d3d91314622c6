using System.Globalization;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Reports.Disclosure;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Builders;

/// <summary>One indicator's judgement with its series, ready to be shown: facts for sentences, table cells, the chart.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Judgement">The monitoring judgement (never re-judged here).</param>
/// <param name="Series">The area's total values of the judged period kind up to the period, oldest first.</param>
/// <param name="Variant">Internal or published.</param>
/// <param name="DefaultThreshold">The disclosure threshold when the indicator names none.</param>
public sealed record IndicatorPresenter(Indicator Indicator, IndicatorJudgement Judgement, IReadOnlyList<IndicatorValue> Series, ReportVariant Variant, int DefaultThreshold = SmallCountSuppression.DefaultThreshold)
{
    private static readonly CultureInfo Gb = ValueFormat.Culture;

    /// <summary>The disclosure threshold of the indicator.</summary>
    public int Threshold => Indicator.DisclosureThreshold ?? DefaultThreshold;

    /// <summary>How the indicator's values are written.</summary>
    public ValueFormat Format => ValueFormat.For(Indicator.ValueType, Indicator.Multiplier);

    /// <summary>
    /// True when the indicator has enough points for a chart of its usual range (the SPC method's minimum, 13 in
    /// Making Data Count): below that no chart is drawn and no variation judged.
    /// </summary>
    public bool HasUsualRange => Judgement.Spc is { Points.Count: > 0 } spc && spc.Points[^1].LowerProcessLimit is not null && spc.Points[^1].UpperProcessLimit is not null;

    /// <summary>The title without a trailing unit in brackets ("… (%)"), as it starts a sentence.</summary>
    public string Subject => Indicator.Title.EndsWith(" (%)", StringComparison.Ordinal) ? Indicator.Title[..^4] : Indicator.Title;

    /// <summary>True when the published variant must withhold this period's count (or the earlier one).</summary>
    /// <remarks>The one rule, <see cref="DisclosureControl"/>: the same answer as the public pages, API and workbook.</remarks>
    public bool Suppressed => Variant == ReportVariant.Published
        && DisclosureControl.MustSuppress(Indicator, CurrentRow, Series.FirstOrDefault(v => v.PeriodStart == Change.From.FirstMonth.Index), DefaultThreshold);

    /// <summary>True when any value of the series would be suppressed in the published variant (no chart is then shown).</summary>
    public bool SeriesHasSuppressed => Variant == ReportVariant.Published && Series.Any(v => DisclosureControl.MustSuppress(Indicator, v.Count, v.Denominator, DefaultThreshold));

    private IIndicatorValueFields? CurrentRow => Series.FirstOrDefault(v => v.PeriodStart == Judgement.Period.FirstMonth.Index)
        ?? (Judgement.Value is null && Judgement.Count is null ? null : new IndicatorValue { AreaCode = Judgement.AreaCode, EnteredBy = string.Empty, Count = Judgement.Count, Denominator = Judgement.Denominator, Value = Judgement.Value });

    private PeriodComparison Change => Judgement.SinceSamePeriodLastYear;

    private double? EarlierCount => Judgement.Count is { } c && Change.CountChange is { } d ? c - d : null;

    /// <summary>The facts for the change sentence (same period last year).</summary>
    /// <returns>The facts.</returns>
    public ChangeFacts Facts()
    {
        var earlier = Series.FirstOrDefault(v => v.PeriodStart == Change.From.FirstMonth.Index);
        var first = Series.Count == 0 || Series.All(v => v.PeriodStart >= Judgement.Period.FirstMonth.Index);
        return new ChangeFacts
        {
            Subject = Subject,
            Period = Judgement.Period.ToString(),
            EarlierPeriod = first ? null : Change.From.ToString(),
            Value = Judgement.Value,
            EarlierValue = Change.FromValue,
            Count = Judgement.Count,
            EarlierCount = earlier?.Count ?? EarlierCount,
            Denominator = Judgement.Denominator,
            EarlierDenominator = earlier?.Denominator,
            Format = Format,
            ValueIsCount = Indicator.ValueType == IndicatorValueType.Count,
            Direction = Change.Direction,
            Outcome = Change.Outcome,
            PValue = Change.PValue,
            SmallNumbers = Judgement.SmallNumbers || (EarlierCount is { } e && e < 10),
            Suppressed = Suppressed,
            SuppressionThreshold = Threshold,
            MissingReason = Judgement.MissingReason,
            IsFirstYear = first && Judgement.Value is not null,
            LatestVariation = HasUsualRange ? Judgement.Variation : VariationStatus.InsufficientData,
        };
    }

    /// <summary>The sentences about this indicator: change, trend, SPC and benchmark.</summary>
    /// <returns>The sentences.</returns>
    public IReadOnlyList<Sentence> Sentences()
    {
        var sentences = new List<Sentence> { NarrativeRules.Change(Facts()) };
        if (Suppressed || Judgement.Value is null)
        {
            return sentences;
        }

        if (Judgement.Trend.Marker != TrendMarker.CannotBeCalculated)
        {
            sentences.Add(NarrativeRules.Trend(Subject, Judgement.Trend.Marker, TrendSpan()));
        }

        // Too few points for a usual range is said once, in the report's note on reading it, not for every indicator.
        if (HasUsualRange)
        {
            sentences.Add(NarrativeRules.Spc(Judgement.Variation, Judgement.Assurance));
        }

        if (Judgement.Benchmark is { } b)
        {
            sentences.Add(NarrativeRules.Benchmark(Subject, Format.Format(Judgement.Value.Value), BenchmarkName(b.AreaCode), b.Value is { } v ? Format.Format(v) : null, b.Outcome));
        }

        return sentences;
    }

    /// <summary>The indicator's row in the framework table.</summary>
    /// <param name="commonPeriod">
    /// The period the table's caption names for all its rows: the table then has no period column (see
    /// <see cref="ColumnsFor"/>) and a row of another period says its period in the value cell. Null for a period column.
    /// </param>
    /// <returns>The row.</returns>
    public TableRow Row(string? commonPeriod = null)
    {
        var title = Indicator.Title + (Indicator.IsExampleData ? " (EXAMPLE)" : string.Empty);
        var period = Judgement.Period.ToString();
        TableRow Make(TableCell value, params TableCell[] rest) => commonPeriod is null
            ? new TableRow([title, period, value, .. rest])
            : new TableRow([title, period == commonPeriod ? value : value with { Text = $"{value.Text} in {period}" }, .. rest]);
        if (Judgement.Value is not { } v)
        {
            return Make(new TableCell("No value", CellStatus.None), Judgement.MissingReason ?? string.Empty, string.Empty, string.Empty, string.Empty);
        }

        if (Suppressed)
        {
            var sup = new TableCell(SmallCountSuppression.Symbol, CellStatus.Suppressed);
            return Make(sup, sup, Labels.Trend(Judgement.Trend.Marker), sup, Rag());
        }

        return Make(ValueText(v), ChangeCell(), Trend(), SpcCell(), Rag());
    }

    /// <summary>The columns of the framework table.</summary>
    public static IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Indicator"), new("Period"), new("Value", Numeric: true), new("Change on a year earlier"), new("Recent trend"), new(Labels.VariationHeading), new("Target"),
    ];

    /// <summary>The columns of a framework table, without the period column when the caption names one period for all rows.</summary>
    /// <param name="commonPeriod">The period of all rows, or null.</param>
    /// <returns>The columns.</returns>
    public static IReadOnlyList<TableColumn> ColumnsFor(string? commonPeriod) =>
        commonPeriod is null ? Columns : [.. Columns.Where(c => c.Header != "Period")];

    /// <summary>The value with its count and denominator where they add information.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public string ValueText(double value) => Indicator.ValueType switch
    {
        IndicatorValueType.Proportion when Judgement.Count is { } c && Judgement.Denominator is { } d => $"{Format.Format(value)} ({c.ToString("N0", Gb)} of {d.ToString("N0", Gb)})",
        IndicatorValueType.CrudeRate when Judgement.Count is { } c => $"{Format.Format(value)} ({c.ToString("N0", Gb)})",
        _ => Format.Format(value),
    };

    /// <summary>A short title stating the finding, for the chart.</summary>
    /// <returns>The title.</returns>
    public string ChartTitle() => NarrativeRules.Headline(Facts());

    /// <summary>
    /// The chart of the indicator with its usual range (an SPC chart), or null when there is nothing to draw: fewer
    /// points than the method's minimum (no chart with a mean of two points), or the published variant withholds it.
    /// </summary>
    /// <param name="id">The chart id.</param>
    /// <returns>The chart, or null.</returns>
    public ReportChart? Chart(string id)
    {
        if (HasUsualRange && Judgement.Spc is { } spc && !SeriesHasSuppressed)
        {
            var lead = $"Chart of {NarrativeRules.Lower(Subject)}";
            return SpcChart(id, ChartTitle(), lead, Series, spc, string.Empty);
        }

        // A year judged on its total has too few years for a usual range: show how the year went quarter by quarter.
        if (Quarters.Count > 0 && QuartersSpc is { Points.Count: > 0 } q && q.Points[^1].LowerProcessLimit is not null && q.Points[^1].UpperProcessLimit is not null
            && !(Variant == ReportVariant.Published && Quarters.Any(v => DisclosureControl.MustSuppress(Indicator, v.Count, v.Denominator, DefaultThreshold))))
        {
            var parts = Indicator.PeriodKind == Periods.PeriodKind.Month ? "months" : "quarters";
            var title = $"{Subject}: the {parts} up to {Quarters[^1].Period}, with their usual range";
            var lead = $"Chart of {NarrativeRules.Lower(Subject)} by {parts[..^1]}";
            return SpcChart(id, title, lead, Quarters, q, $" The year is judged on its total (in the table); the chart shows its {parts}.");
        }

        return null;
    }

    /// <summary>
    /// Quarterly (or monthly) values behind a judgement of annual totals, oldest first (empty otherwise): charted with their
    /// usual range when the annual series is too short for one.
    /// </summary>
    public IReadOnlyList<IndicatorValue> Quarters { get; init; } = [];

    /// <summary>The usual range (XmR) of <see cref="Quarters"/>.</summary>
    public XmrResult? QuartersSpc { get; init; }

    private ReportChart SpcChart(string id, string title, string lead, IReadOnlyList<IndicatorValue> series, XmrResult spc, string note)
    {
        var withValues = series.Where(v => v.Value is not null).ToList();
        var labels = withValues.Count == spc.Points.Count
            ? withValues.Select(v => v.Period.ToString()).ToList()
            : spc.Points.Select(p => (p.Index + 1).ToString(Gb)).ToList();
        var last = spc.Points[^1];
        var description = $"{lead}, {labels[0]} to {labels[^1]} ({spc.Points.Count} points), with its average and usual range. "
            + $"The latest value is {Format.Format(last.Value)} in {labels[^1]}. The average is {Format.Format(last.Mean)} and the usual range is {Format.Format(last.LowerProcessLimit!.Value)} to {Format.Format(last.UpperProcessLimit!.Value)}. "
            + $"{NarrativeRules.Spc(spc.Variation, spc.Assurance).Text} The vertical axis starts at zero.{note}";
        var rows = spc.Points.Select((p, i) => new TableRow(
        [
            labels[i], Format.Number(p.Value), Format.Number(p.Mean),
            p.LowerProcessLimit is { } l ? Format.Number(l) : "–", p.UpperProcessLimit is { } u ? Format.Number(u) : "–",
            new TableCell(Labels.Variation(p.Variation), Labels.VariationStatusOf(p.Variation)),
        ])).ToList();
        var unit = Format.Suffix.Trim();
        var data = new ReportTable(
            $"Data for the chart: {Subject}",
            [new("Period"), new("Value", true), new("Average", true), new("Usual range from", true), new("Usual range to", true), new(Labels.VariationHeading)],
            rows)
        {
            Notes = spc.Target is { } t ? [$"Target: {Format.Format(t)}."] : [],
        };
        // The axis holds about 40 characters; a longer indicator name is in the chart's title already, so the axis gives the unit.
        var axis = unit.Length > 0 ? $"{Subject} ({unit})" : Subject;
        var spec = new SpcChartSpec(labels, spc) { YLabel = axis.Length <= 40 ? axis : unit switch { "%" => "Percent", "" => Indicator.ValueType == IndicatorValueType.Count ? "Number" : "Value", _ => unit } };
        return new ReportChart(id, title, description, spec, data);
    }

    private string? TrendSpan()
    {
        var upTo = Series.Where(v => v.Value is not null).TakeLast(5).ToList();
        return upTo.Count == 5 ? $"{upTo[0].Period} to {upTo[^1].Period}" : null;
    }

    private TableCell ChangeCell()
    {
        var c = Change;
        var significant = c.Direction is Direction.Higher or Direction.Lower && c.Difference is { } d && Math.Round(d, Format.Decimals) != 0;
        return new TableCell(Labels.Change(c, Format), significant ? Labels.OutcomeStatusOf(c.Outcome) : CellStatus.None);
    }

    private TableCell Trend() => new(Labels.Trend(Judgement.Trend.Marker), Labels.TrendStatusOf(Judgement.Trend.Marker));

    private TableCell SpcCell()
    {
        if (!HasUsualRange)
        {
            return new TableCell(Labels.Variation(VariationStatus.InsufficientData));
        }

        var text = Labels.Variation(Judgement.Variation);
        if (Labels.Assurance(Judgement.Assurance) is { Length: > 0 } a)
        {
            text += "; " + a;
        }

        return new TableCell(text, Labels.VariationStatusOf(Judgement.Variation));
    }

    private TableCell Rag() => new(Labels.Rag(Judgement.Rag) + (Judgement.Target?.Description is { } d && Judgement.Rag != Monitoring.Model.Rag.None ? $" (target: {NarrativeRules.Lower(d)})" : string.Empty), Labels.RagStatusOf(Judgement.Rag));

    private static string BenchmarkName(string code) => code switch
    {
        AreaCodes.England => "England",
        AreaCodes.EnglandAndWales => "England and Wales",
        _ => code,
    };
}
