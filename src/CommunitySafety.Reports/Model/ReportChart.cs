using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Model;

/// <summary>
/// A chart: a title that states the finding, a text alternative, the data table shown beside it, and what to draw.
/// The same chart becomes SVG (HTML, PDF, web) and PNG (Word) through Charts.ChartRenderer.
/// </summary>
/// <param name="Id">A short identifier, unique in the report (used for anchors and alt-text links).</param>
/// <param name="Title">The title, stating the finding ("Referrals rose for the third year").</param>
/// <param name="Description">The text alternative: what the chart shows, in words, with its key numbers.</param>
/// <param name="Spec">What to draw.</param>
/// <param name="Data">The chart's data as a table.</param>
public sealed record ReportChart(string Id, string Title, string Description, ChartSpec Spec, ReportTable Data);

/// <summary>What a chart draws.</summary>
public abstract record ChartSpec
{
    /// <summary>The y axis label (the measure and its unit).</summary>
    public string YLabel { get; init; } = string.Empty;

    /// <summary>The x axis label.</summary>
    public string XLabel { get; init; } = string.Empty;

    /// <summary>
    /// Whether the value axis of a line or SPC chart starts at zero (the default, so that small changes do not look
    /// dramatic). When false (e.g. an index around 100) the figure says plainly that the axis does not start at zero.
    /// </summary>
    public bool AxisFromZero { get; init; } = true;
}

/// <summary>Lines over periods, e.g. local against national indexed to 100.</summary>
/// <param name="Categories">The periods, in order.</param>
/// <param name="Series">The lines (the first is the emphasised, local one).</param>
/// <param name="ReferenceLine">A horizontal reference (100 for an index), if any.</param>
public sealed record LineChartSpec(IReadOnlyList<string> Categories, IReadOnlyList<LineSeries> Series, double? ReferenceLine = null) : ChartSpec;

/// <summary>One line; null values leave a gap.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Values">One value per category.</param>
/// <param name="Dashed">Draw dashed (e.g. the benchmark).</param>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values, bool Dashed = false);

/// <summary>Horizontal bars with 95% intervals against a benchmark line.</summary>
/// <param name="Bars">The bars, top to bottom.</param>
/// <param name="Benchmark">The benchmark value, if any.</param>
/// <param name="BenchmarkLabel">The benchmark's name.</param>
public sealed record BarChartSpec(IReadOnlyList<BarItem> Bars, double? Benchmark, string BenchmarkLabel) : ChartSpec;

/// <summary>One bar.</summary>
/// <param name="Label">Category label.</param>
/// <param name="Value">Value (no bar when null).</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Outcome">The comparison with the benchmark, which colours the bar.</param>
/// <param name="Highlight">True for the area the report is about.</param>
public sealed record BarItem(string Label, double? Value, double? Lower95, double? Upper95, ComparisonOutcome Outcome, bool Highlight = false);

/// <summary>An SPC (XmR) chart with its mean, process limits, target and special-cause points.</summary>
/// <param name="Labels">One period label per SPC point.</param>
/// <param name="Spc">The analysed chart from the statistics engine.</param>
public sealed record SpcChartSpec(IReadOnlyList<string> Labels, XmrResult Spc) : ChartSpec;

/// <summary>A funnel plot: rates against population with 95% and 99.8% control limits around a target.</summary>
/// <param name="Points">The areas.</param>
/// <param name="Target">The target (centre line).</param>
/// <param name="Multiplier">Rate multiplier (e.g. 1,000) for the control limits.</param>
/// <param name="TargetLabel">The target's name.</param>
public sealed record FunnelChartSpec(IReadOnlyList<FunnelChartPoint> Points, double Target, double Multiplier, string TargetLabel) : ChartSpec
{
    /// <summary>
    /// The control limits at a denominator when they are not the exact Poisson limits around <see cref="Target"/> (e.g.
    /// widened for overdispersion); null for the exact limits.
    /// </summary>
    public Func<double, FunnelLimits>? LimitsAt { get; init; }
}

/// <summary>One area on a funnel plot.</summary>
/// <param name="Label">Area name.</param>
/// <param name="Denominator">Population.</param>
/// <param name="Value">Rate.</param>
/// <param name="Highlight">True for the area the report is about.</param>
public sealed record FunnelChartPoint(string Label, double Denominator, double Value, bool Highlight);

/// <summary>A spine chart: for each row, the spread of the comparators (min, 25th–75th percentile, max), a benchmark mark and the area's value.</summary>
/// <param name="Rows">The rows, top to bottom.</param>
/// <param name="BenchmarkLabel">The benchmark's name.</param>
public sealed record SpineChartSpec(IReadOnlyList<SpineRow> Rows, string BenchmarkLabel) : ChartSpec;

/// <summary>One row of a spine chart, in the measure's own units.</summary>
/// <param name="Label">The row label.</param>
/// <param name="Value">The area's value.</param>
/// <param name="Minimum">Lowest comparator.</param>
/// <param name="Percentile25">25th percentile.</param>
/// <param name="Percentile75">75th percentile.</param>
/// <param name="Maximum">Highest comparator.</param>
/// <param name="Benchmark">The benchmark value.</param>
/// <param name="Outcome">The area's comparison, which colours its mark.</param>
public sealed record SpineRow(string Label, double? Value, double Minimum, double Percentile25, double Percentile75, double Maximum, double? Benchmark, ComparisonOutcome Outcome);
