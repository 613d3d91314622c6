using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Store;

/// <summary>The matrix's evidence beyond the financial years: rolling 12-month periods and deprivation deciles.</summary>
public sealed partial class StoreAssessmentSource
{
    private readonly Dictionary<(AreaKind, string, FinancialYear), (RollingYears? Rolling, string? Note)> _rolling = [];
    private readonly AnalyticalStore _store;
    private Deprivation.DeprivationAnalysis? _deprivation;

    /// <summary>
    /// <paramref name="data"/> with the matrix's evidence for <paramref name="area"/>: the latest two complete 12-month
    /// periods (<see cref="RollingWindows"/>, ending no later than the end of the financial year after
    /// <paramref name="year"/>) and the records and residents by national deprivation decile in the assessment year (or, when
    /// that is partial, in the latest complete 12 months), each with the reason when it is missing.
    /// </summary>
    public AssessmentData WithEvidence(AssessmentData data, ResolvedArea area, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(area);
        return WithEvidence(data, area, year, Rolling(area, year), Deprivation);
    }

    /// <summary>
    /// <paramref name="data"/> with <paramref name="rolling"/> and the deprivation evidence <paramref name="deprivation"/>
    /// gives for the assessment year, or, when that is partial, for the later rolling 12 months: the one rule both the
    /// area-by-area source and the all-areas source (<see cref="AllAreasSource"/>) follow.
    /// </summary>
    internal static AssessmentData WithEvidence(
        AssessmentData data,
        ResolvedArea area,
        FinancialYear year,
        (RollingYears? Rolling, string? Note) rolling,
        Func<ResolvedArea, YearMonth, YearMonth, (DeprivationEvidence? Evidence, string? Note)> deprivation)
    {
        var own = data.Area.For(year);
        (YearMonth First, YearMonth Last)? months = own is { IsComplete: true }
            ? (year.FirstMonth, year.LastMonth)
            : rolling.Rolling is { } r ? (r.Later.FirstMonth, r.Later.LastMonth) : null;
        var (evidence, deprivationNote) = months is { } m
            ? deprivation(area, m.First, m.Last)
            : (null, $"neither {year} nor a rolling 12 months is complete for {area.Name}");
        return data with { Rolling = rolling.Rolling, RollingNote = rolling.Note, Deprivation = evidence, DeprivationNote = deprivationNote };
    }

    /// <summary>
    /// The latest two complete 12-month periods of an area whose covered months up to the end of the financial year after
    /// <paramref name="year"/> are <paramref name="covered"/> (null: no police.uk data for it at all), counted by
    /// <paramref name="months"/>; or why there are none.
    /// </summary>
    internal static (RollingYears? Rolling, string? Note) Rolling(
        ResolvedArea area,
        FinancialYear year,
        IReadOnlyList<YearMonth>? covered,
        Func<YearMonth, YearMonth, MonthsCounts> months)
    {
        var limit = year.Next.LastMonth;
        if (covered is null)
        {
            return (null, $"no police.uk data for {area.Name} up to {limit.ToDisplayString()}");
        }

        if (RollingWindows.Choose(covered, limit, out var reason) is not { } windows)
        {
            return (null, reason);
        }

        return (new RollingYears(months(windows.Earlier.First, windows.Earlier.Last), months(windows.Later.First, windows.Later.Last)), null);
    }

    /// <summary>The area's latest two complete 12-month periods up to the end of the financial year after <paramref name="year"/>, or why there are none.</summary>
    public (RollingYears? Rolling, string? Note) Rolling(ResolvedArea area, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(area);
        var key = (area.Kind, area.Code?.Value ?? area.Name, year);
        if (_rolling.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var limit = year.Next.LastMonth;
        IReadOnlyList<YearMonth>? covered;
        try
        {
            covered = _counts.Count(new CountQuery(area) { LastMonth = limit }).MonthsCovered;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            covered = null;
        }

        return _rolling[key] = Rolling(area, year, covered, (first, last) => Months(area, first, last));
    }

    /// <summary>Counts by crime type over a run of months, with the Data layer's population for a period ending in its last month.</summary>
    private MonthsCounts Months(ResolvedArea area, YearMonth first, YearMonth last)
    {
        var result = _counts.Count(new CountQuery(area) { FirstMonth = first, LastMonth = last, By = CountGrouping.CrimeType, Rate = new CountRateOptions() });
        var counts = result.Rows.Where(r => r.CrimeType is { IsLegacy: false }).ToDictionary(r => r.CrimeType!, r => r.Count);
        // The Data layer's source already names the estimate's year (e.g. "ONS mid-2024 population estimates (MYE2), …").
        return new MonthsCounts(first, last, result.MonthsCovered.Count, result.Population?.Value, result.Population?.Source ?? result.PopulationNote, counts);
    }

    /// <summary>
    /// The area's records and residents by national deprivation decile over the months, or why there are none: the
    /// deprivation analysis's own evidence (<see cref="Deprivation.DeprivationAnalysis.Evidence"/>), so the matrix and the
    /// analysis rest on one rule.
    /// </summary>
    public (DeprivationEvidence? Evidence, string? Note) Deprivation(ResolvedArea area, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(area);
        _deprivation ??= new Deprivation.DeprivationAnalysis(_store);
        return _deprivation.Evidence(area, first, last);
    }
}
