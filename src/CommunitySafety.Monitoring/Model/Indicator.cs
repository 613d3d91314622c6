using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Monitoring.Model;

/// <summary>An indicator of a monitoring framework, with what is needed to judge its values.</summary>
public sealed class Indicator
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The framework it belongs to.</summary>
    public int FrameworkId { get; set; }

    /// <summary>The framework it belongs to.</summary>
    public MonitoringFramework? Framework { get; set; }

    /// <summary>The objective it measures, when it has one.</summary>
    public int? ObjectiveId { get; set; }

    /// <summary>The objective it measures, when it has one.</summary>
    public Objective? Objective { get; set; }

    /// <summary>A code unique in the store, e.g. "DA-B03"; a Fingertips indicator is "FT-" and its Indicator ID.</summary>
    public required string Code { get; set; }

    /// <summary>The title, e.g. "Referrals to the ISVA service".</summary>
    public required string Title { get; set; }

    /// <summary>What is counted, and how.</summary>
    public string? Definition { get; set; }

    /// <summary>Where the figures come from.</summary>
    public string? Source { get; set; }

    /// <summary>The organisation that supplies the figures.</summary>
    public string? OwnerOrganisation { get; set; }

    /// <summary>What kind of number the value is.</summary>
    public IndicatorValueType ValueType { get; set; }

    /// <summary>The rate's "per N" (e.g. 100,000) or 100 for a percentage; 1 for counts and plain proportions.</summary>
    public double Multiplier { get; set; } = 1;

    /// <summary>Whether a high or a low value is good.</summary>
    public Polarity Polarity { get; set; }

    /// <summary>How often it is reported.</summary>
    public ReportingFrequency Frequency { get; set; }

    /// <summary>Whether its years are financial or calendar years.</summary>
    public YearType YearType { get; set; }

    /// <summary>The denominator, e.g. "Resident population aged 10–17 (ONS mid-year estimate)".</summary>
    public string? DenominatorDefinition { get; set; }

    /// <summary>What it is compared with.</summary>
    public BenchmarkKind Benchmark { get; set; }

    /// <summary>The benchmark's area code, when <see cref="Benchmark"/> needs one (region or peer group); England is E92000001.</summary>
    public string? BenchmarkAreaCode { get; set; }

    /// <summary>
    /// The area its values are for when that is not the partnership's own (e.g. K04000001 England and Wales for the
    /// Crime Survey); null for the partnership's area.
    /// </summary>
    public string? ReportingAreaCode { get; set; }

    /// <summary>When published, counts below this are suppressed (e.g. 5 suppresses 1–4); null for no rule.</summary>
    public int? DisclosureThreshold { get; set; }

    /// <summary>The period changes are also measured against (e.g. 2019/20, the last year before the pandemic).</summary>
    public string? BaselinePeriod { get; set; }

    /// <summary>True when every value is example data made up for a demonstration.</summary>
    public bool IsExampleData { get; set; }

    /// <summary>Display order within its framework.</summary>
    public int Order { get; set; }

    /// <summary>Its targets.</summary>
    public List<IndicatorTarget> Targets { get; set; } = [];

    /// <summary>Its values (for every area, period and breakdown category).</summary>
    public List<IndicatorValue> Values { get; set; } = [];

    /// <summary>The benchmark's area code: <see cref="BenchmarkAreaCode"/>, or the national code for England / England and Wales.</summary>
    public string? ResolvedBenchmarkAreaCode => Benchmark switch
    {
        BenchmarkKind.England => BenchmarkAreaCode ?? AreaCodes.England,
        BenchmarkKind.EnglandAndWales => BenchmarkAreaCode ?? AreaCodes.EnglandAndWales,
        BenchmarkKind.None => null,
        _ => BenchmarkAreaCode,
    };

    /// <summary>The kind of period a value of this indicator covers.</summary>
    public PeriodKind PeriodKind => Frequency switch
    {
        ReportingFrequency.Monthly => PeriodKind.Month,
        ReportingFrequency.Quarterly => PeriodKind.FinancialQuarter,
        _ => YearType == YearType.Financial ? PeriodKind.FinancialYear : PeriodKind.CalendarYear,
    };
}

/// <summary>Area codes the monitoring store names.</summary>
public static class AreaCodes
{
    /// <summary>England.</summary>
    public const string England = "E92000001";

    /// <summary>England and Wales.</summary>
    public const string EnglandAndWales = "K04000001";
}

/// <summary>
/// A target for an indicator: a single value (<see cref="Lower"/> = <see cref="Upper"/>, or only the bound that
/// polarity needs) or a range; for one period, or for every period when <see cref="Period"/> is null.
/// </summary>
public sealed class IndicatorTarget
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The indicator.</summary>
    public int IndicatorId { get; set; }

    /// <summary>The period the target is for, in <see cref="ReportingPeriod"/> text form; null for every period.</summary>
    public string? Period { get; set; }

    /// <summary>The lowest value that meets the target; null for no lower bound.</summary>
    public double? Lower { get; set; }

    /// <summary>The highest value that meets the target; null for no upper bound.</summary>
    public double? Upper { get; set; }

    /// <summary>What the target is, in words.</summary>
    public string? Description { get; set; }
}
