using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment;

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
        var (rolling, rollingNote) = Rolling(area, year);
        var own = data.Area.For(year);
        (YearMonth First, YearMonth Last)? months = own is { IsComplete: true }
            ? (year.FirstMonth, year.LastMonth)
            : rolling is not null ? (rolling.Later.FirstMonth, rolling.Later.LastMonth) : null;
        var (deprivation, deprivationNote) = months is { } m
            ? Deprivation(area, m.First, m.Last)
            : (null, $"neither {year} nor a rolling 12 months is complete for {area.Name}");
        return data with { Rolling = rolling, RollingNote = rollingNote, Deprivation = deprivation, DeprivationNote = deprivationNote };
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
        IReadOnlyList<YearMonth> covered;
        try
        {
            covered = _counts.Count(new CountQuery(area) { LastMonth = limit }).MonthsCovered;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return _rolling[key] = (null, $"no police.uk data for {area.Name} up to {limit.ToDisplayString()}");
        }

        if (RollingWindows.Choose(covered, limit, out var reason) is not { } windows)
        {
            return _rolling[key] = (null, reason);
        }

        var result = new RollingYears(Months(area, windows.Earlier.First, windows.Earlier.Last), Months(area, windows.Later.First, windows.Later.Last));
        return _rolling[key] = (result, null);
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
