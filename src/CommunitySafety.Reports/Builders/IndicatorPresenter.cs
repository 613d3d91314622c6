using System.Globalization;
using CommunitySafety.Monitoring;
using CommunitySafety.Reports.Disclosure;
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
    public ValueFormat Format => Indicator.ValueType switch
    {
        IndicatorValueType.Count => ValueFormat.Count,
        IndicatorValueType.CrudeRate => ValueFormat.Rate(Indicator.Multiplier),
        IndicatorValueType.Proportion when Indicator.Multiplier == 100 => ValueFormat.Percent,
        _ => new ValueFormat(1, string.Empty),
    };

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

        if (Judgement.Spc is not null)
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
    /// <returns>The row.</returns>
    public TableRow Row()
    {
        var title = Indicator.Title + (Indicator.IsExampleData ? " (EXAMPLE)" : string.Empty);
        if (Judgement.Value is not { } value)
        {
            return new TableRow([title, Judgement.Period.ToString(), new TableCell("No value", CellStatus.None), Judgement.MissingReason ?? string.Empty, string.Empty, string.Empty, string.Empty]);
        }

        if (Suppressed)
        {
            var sup = new TableCell(SmallCountSuppression.Symbol, CellStatus.Suppressed);
            return new TableRow([title, Judgement.Period.ToString(), sup, sup, Labels.Trend(Judgement.Trend.Marker), sup, Rag()]);
        }

        return new TableRow([title, Judgement.Period.ToString(), ValueText(value), ChangeCell(), Trend(), SpcCell(), Rag()]);
    }

    /// <summary>The columns of the framework table.</summary>
    public static IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Indicator"), new("Period"), new("Value", Numeric: true), new("Change on a year earlier"), new("Recent trend"), new("SPC variation"), new("RAG against target"),
    ];

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

    /// <summary>The chart of the indicator: its SPC chart with limits, or null when there is nothing to draw or the published variant withholds it.</summary>
    /// <param name="id">The chart id.</param>
    /// <returns>The chart, or null.</returns>
    public ReportChart? Chart(string id)
    {
        if (Judgement.Spc is not { Points.Count: >= 2 } spc || SeriesHasSuppressed)
        {
            return null;
        }

        var withValues = Series.Where(v => v.Value is not null).ToList();
        var labels = withValues.Count == spc.Points.Count
            ? withValues.Select(v => v.Period.ToString()).ToList()
            : spc.Points.Select(p => (p.Index + 1).ToString(Gb)).ToList();
        var last = spc.Points[^1];
        var limits = last.LowerProcessLimit is { } lo && last.UpperProcessLimit is { } hi
            ? $" The mean is {Format.Format(last.Mean)} and the process limits are {Format.Format(lo)} to {Format.Format(hi)}."
            : $" The mean is {Format.Format(last.Mean)}; there are too few points for process limits.";
        var description = $"SPC chart of {NarrativeRules.Lower(Subject)}, {labels[0]} to {labels[^1]} ({spc.Points.Count} points). "
            + $"The latest value is {Format.Format(last.Value)} in {labels[^1]}.{limits} {NarrativeRules.Spc(spc.Variation, spc.Assurance).Text}";
        var rows = spc.Points.Select((p, i) => new TableRow(
        [
            labels[i], Format.Number(p.Value), Format.Number(p.Mean),
            p.LowerProcessLimit is { } l ? Format.Number(l) : "–", p.UpperProcessLimit is { } u ? Format.Number(u) : "–",
            new TableCell(Labels.Variation(p.Variation), Labels.VariationStatusOf(p.Variation)),
        ])).ToList();
        var unit = Format.Suffix.Trim();
        var data = new ReportTable(
            $"Data for the chart: {Subject}",
            [new("Period"), new("Value", true), new("Mean", true), new("Lower process limit", true), new("Upper process limit", true), new("Variation")],
            rows)
        {
            Notes = spc.Target is { } t ? [$"Target: {Format.Format(t)}."] : [],
        };
        // The axis holds about 40 characters; a longer indicator name is in the chart's title already, so the axis gives the unit.
        var axis = unit.Length > 0 ? $"{Subject} ({unit})" : Subject;
        var spec = new SpcChartSpec(labels, spc) { YLabel = axis.Length <= 40 ? axis : unit switch { "%" => "Percent", "" => Indicator.ValueType == IndicatorValueType.Count ? "Number" : "Value", _ => unit } };
        return new ReportChart(id, ChartTitle(), description, spec, data);
    }

    private string? TrendSpan()
    {
        var upTo = Series.Where(v => v.Value is not null).TakeLast(5).ToList();
        return upTo.Count == 5 ? $"{upTo[0].Period} to {upTo[^1].Period}" : null;
    }

    private TableCell ChangeCell()
    {
        var c = Change;
        if (c.Difference is not { } diff || c.FromValue is not { } from)
        {
            return new TableCell(c.Note is { } n ? "Not compared: " + n.TrimEnd('.') : "Not compared");
        }

        if (Math.Round(diff, Format.Decimals) == 0)
        {
            return new TableCell($"No change on {c.From}");
        }

        var text = Format.IsPercentage
            ? $"{Format.Signed(diff)} points on {c.From}"
            : $"{Format.Signed(diff)}" + (from != 0 ? $" ({(diff >= 0 ? "+" : "−")}{NarrativeRules.Percent(diff / from * 100)})" : string.Empty) + $" on {c.From}";
        text += c.Direction switch
        {
            Direction.Higher or Direction.Lower => ", significant",
            Direction.Similar => ", not significant",
            _ => ", not tested",
        };
        return new TableCell(text, c.Direction is Direction.Higher or Direction.Lower ? Labels.OutcomeStatusOf(c.Outcome) : CellStatus.None);
    }

    private TableCell Trend() => new(Labels.Trend(Judgement.Trend.Marker), Labels.TrendStatusOf(Judgement.Trend.Marker));

    private TableCell SpcCell()
    {
        var text = Labels.Variation(Judgement.Variation);
        if (Labels.Assurance(Judgement.Assurance) is { Length: > 0 } a)
        {
            text += "; " + a;
        }

        return new TableCell(text, Labels.VariationStatusOf(Judgement.Variation));
    }

    private TableCell Rag() => new(Labels.Rag(Judgement.Rag) + (Judgement.Target?.Description is { } d && Judgement.Rag != Monitoring.Rag.None ? $" (target: {NarrativeRules.Lower(d)})" : string.Empty), Labels.RagStatusOf(Judgement.Rag));

    private static string BenchmarkName(string code) => code switch
    {
        AreaCodes.England => "England",
        AreaCodes.EnglandAndWales => "England and Wales",
        _ => code,
    };
}
