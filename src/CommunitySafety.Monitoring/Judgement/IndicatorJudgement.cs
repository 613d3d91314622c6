using CommunitySafety.Monitoring.Model;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Monitoring.Judgement;

/// <summary>Everything said about one indicator's value for one period: the one answer reports and the web app show.</summary>
public sealed record IndicatorJudgement
{
    /// <summary>The indicator's code.</summary>
    public required string IndicatorCode { get; init; }

    /// <summary>The indicator's title.</summary>
    public required string Title { get; init; }

    /// <summary>The indicator's polarity.</summary>
    public Polarity Polarity { get; init; }

    /// <summary>The kind of value.</summary>
    public IndicatorValueType ValueType { get; init; }

    /// <summary>True when the indicator's values are example data.</summary>
    public bool IsExampleData { get; init; }

    /// <summary>The area.</summary>
    public required string AreaCode { get; init; }

    /// <summary>The period judged.</summary>
    public ReportingPeriod Period { get; init; }

    /// <summary>The breakdown category type; empty for the total.</summary>
    public string CategoryType { get; init; } = string.Empty;

    /// <summary>The breakdown category; empty for the total.</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>The value; null when the period is missing or has no row.</summary>
    public double? Value { get; init; }

    /// <summary>The count (numerator).</summary>
    public double? Count { get; init; }

    /// <summary>The denominator.</summary>
    public double? Denominator { get; init; }

    /// <summary>Why there is no value ("Not available since 2017/18", or "No value recorded").</summary>
    public string? MissingReason { get; init; }

    /// <summary>Provisional, final or revised; null when there is no row.</summary>
    public ValueStatus? Status { get; init; }

    /// <summary>Lower 95% limit (as supplied, or from the statistics engine).</summary>
    public double? Lower95 { get; init; }

    /// <summary>Upper 95% limit.</summary>
    public double? Upper95 { get; init; }

    /// <summary>Lower 99.8% limit.</summary>
    public double? Lower998 { get; init; }

    /// <summary>Upper 99.8% limit.</summary>
    public double? Upper998 { get; init; }

    /// <summary>How the limits were obtained.</summary>
    public LimitsSource LimitsSource { get; init; }

    /// <summary>Change since the previous period (e.g. Q3 to Q4).</summary>
    public required PeriodComparison SincePreviousPeriod { get; init; }

    /// <summary>Change since the same period a year earlier.</summary>
    public required PeriodComparison SinceSamePeriodLastYear { get; init; }

    /// <summary>Change since the indicator's baseline period; null when it has none.</summary>
    public PeriodComparison? SinceBaseline { get; init; }

    /// <summary>The Fingertips recent trend over the last five consecutive periods.</summary>
    public required TrendResult Trend { get; init; }

    /// <summary>SPC (XmR) variation of the latest point.</summary>
    public VariationStatus Variation { get; init; }

    /// <summary>SPC assurance of meeting the target.</summary>
    public AssuranceStatus Assurance { get; init; }

    /// <summary>The XmR chart of the series up to the period (missing periods left out); null when there are no values.</summary>
    public XmrResult? Spc { get; init; }

    /// <summary>The target that applies, if any.</summary>
    public IndicatorTarget? Target { get; init; }

    /// <summary>RAG against the target: green met; amber not met but not significantly different; red otherwise. None without a target or value.</summary>
    public Rag Rag { get; init; }

    /// <summary>The comparison with the benchmark; null when the indicator has none.</summary>
    public BenchmarkJudgement? Benchmark { get; init; }

    /// <summary>True when the count is small (below <see cref="IndicatorJudgementOptions.SmallCountThreshold"/>): interpret with care.</summary>
    public bool SmallNumbers { get; init; }

    /// <summary>True when the count must be suppressed when published (the indicator's disclosure rule).</summary>
    public bool SuppressWhenPublished { get; init; }

    /// <summary>True when the judged value is a partner's draft not yet approved (never in a published judgement).</summary>
    public bool IsDraft { get; init; }

    /// <summary>Why parts could not be judged, in words.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Where an indicator value's limits came from.</summary>
public enum LimitsSource
{
    /// <summary>No limits (missing value, or a mean or score supplied without them).</summary>
    None,

    /// <summary>Supplied with the value (e.g. from Fingertips).</summary>
    Supplied,

    /// <summary>Computed by the statistics engine (Poisson for counts and rates, Wilson for proportions).</summary>
    Computed,
}

/// <summary>The change from an earlier period to the period judged.</summary>
/// <param name="From">The earlier period.</param>
/// <param name="FromValue">Its value, when it has one.</param>
/// <param name="ToValue">The judged period's value.</param>
/// <param name="Difference">ToValue − FromValue.</param>
/// <param name="PercentChange">The difference as a percentage of FromValue.</param>
/// <param name="CountChange">The change in counts (n), when both have counts.</param>
/// <param name="PValue">The engine's test p-value, when tested.</param>
/// <param name="Direction">Significantly higher, lower or similar; NotCompared when untested.</param>
/// <param name="Outcome">The direction judged by polarity.</param>
/// <param name="Note">Why it was not tested, if it was not.</param>
public sealed record PeriodComparison(
    ReportingPeriod From,
    double? FromValue,
    double? ToValue,
    double? Difference,
    double? PercentChange,
    double? CountChange,
    double? PValue,
    Direction Direction,
    ComparisonOutcome Outcome,
    string? Note);

/// <summary>The comparison with a benchmark area's value for the same period.</summary>
/// <param name="AreaCode">The benchmark area.</param>
/// <param name="Value">The benchmark's value, when it has one.</param>
/// <param name="Outcome">Better, similar, worse (or higher / lower without polarity).</param>
public sealed record BenchmarkJudgement(string AreaCode, double? Value, ComparisonOutcome Outcome);

/// <summary>Options of the judgement.</summary>
public sealed record IndicatorJudgementOptions
{
    /// <summary>The defaults: Making Data Count SPC rules, 5% significance, 95% benchmark comparison, small numbers below 10.</summary>
    public static IndicatorJudgementOptions Default { get; } = new();

    /// <summary>SPC rules.</summary>
    public SpcOptions Spc { get; init; } = SpcOptions.MakingDataCount;

    /// <summary>Significance level of period changes.</summary>
    public double SignificanceLevel { get; init; } = 0.05;

    /// <summary>How a value is compared with its benchmark: the benchmark against the 95% interval unless changed.</summary>
    public ComparisonMethod BenchmarkMethod { get; init; } = ComparisonMethod.ConfidenceInterval95;

    /// <summary>Counts below this are "small numbers" (PHE uses exact Poisson limits below 10).</summary>
    public int SmallCountThreshold { get; init; } = 10;
}
