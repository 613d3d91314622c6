using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Judgement;

/// <summary>
/// Loads indicators and their values from the store and judges them with <see cref="IndicatorJudge"/>: for the working
/// view (drafts and approved values) or the published one (approved values only, <see cref="Publication"/>). A year-end
/// judgement of a quarterly or monthly indicator is made on annual totals (<see cref="AnnualTotals"/>).
/// </summary>
/// <param name="db">The monitoring store.</param>
/// <param name="scope">Which values are used: <see cref="ValueScope.Working"/> (the default) or <see cref="ValueScope.Published"/>.</param>
public sealed class IndicatorStatusService(MonitoringDbContext db, ValueScope scope = ValueScope.Working)
{
    private readonly MonitoringDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    /// <summary>Which values this service uses.</summary>
    public ValueScope Scope { get; } = scope;

    /// <summary>The same service for another scope (e.g. the public view's approved-only judgements).</summary>
    /// <param name="other">The scope.</param>
    /// <returns>The service.</returns>
    public IndicatorStatusService For(ValueScope other) => other == Scope ? this : new IndicatorStatusService(_db, other);

    /// <summary>Judges one indicator for one period.</summary>
    /// <param name="indicatorCode">The indicator's code.</param>
    /// <param name="period">The period.</param>
    /// <param name="areaCode">The area; the partnership's area when null.</param>
    /// <param name="categoryType">The breakdown category type; empty for the total.</param>
    /// <param name="category">The breakdown category; empty for the total.</param>
    /// <param name="options">Judgement options.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The judgement.</returns>
    /// <exception cref="KeyNotFoundException">No indicator has the code.</exception>
    public async Task<IndicatorJudgement> JudgeAsync(
        string indicatorCode,
        ReportingPeriod period,
        string? areaCode = null,
        string categoryType = "",
        string category = "",
        IndicatorJudgementOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var indicator = await _db.Indicators.AsNoTracking().Include(i => i.Targets)
            .SingleOrDefaultAsync(i => i.Code == indicatorCode, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No indicator has the code '{indicatorCode}'.");
        areaCode ??= indicator.ReportingAreaCode ?? await AreaOfAsync(indicator.FrameworkId, cancellationToken).ConfigureAwait(false);
        return await JudgeLoadedAsync(indicator, period, areaCode, categoryType, category, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Judges every indicator of a framework (or of every framework), totals only, for <paramref name="period"/> — each
    /// indicator at its own frequency, the period that contains the given period's last month — or, when null, for each
    /// indicator's latest period with a row.
    /// </summary>
    /// <param name="frameworkCode">The framework; null for all.</param>
    /// <param name="period">The period, or null for each indicator's latest.</param>
    /// <param name="options">Judgement options.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The judgements, in framework order, then <see cref="IndicatorOrder.UnassignedLast"/>.</returns>
    /// <exception cref="KeyNotFoundException">No framework has the code.</exception>
    public async Task<IReadOnlyList<IndicatorJudgement>> JudgeFrameworkAsync(
        string? frameworkCode = null, ReportingPeriod? period = null, IndicatorJudgementOptions? options = null, CancellationToken cancellationToken = default)
    {
        var frameworks = await _db.Frameworks.AsNoTracking()
            .Where(f => frameworkCode == null || f.Code == frameworkCode)
            .Include(f => f.Indicators).ThenInclude(i => i.Targets)
            .Include(f => f.Indicators).ThenInclude(i => i.Objective)
            .OrderBy(f => f.Code)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (frameworkCode is not null && frameworks.Count == 0)
        {
            throw new KeyNotFoundException($"No monitoring framework has the code '{frameworkCode}'.");
        }

        var judgements = new List<IndicatorJudgement>();
        foreach (var framework in frameworks)
        {
            var partnershipArea = await AreaOfAsync(framework.Id, cancellationToken).ConfigureAwait(false);
            foreach (var indicator in IndicatorOrder.UnassignedLast.Sort(framework))
            {
                var area = indicator.ReportingAreaCode ?? partnershipArea;
                ReportingPeriod? indicatorPeriod = period is { } p
                    ? PeriodFor(indicator, p)
                    : await LatestPeriodAsync(indicator.Id, area, cancellationToken).ConfigureAwait(false);
                if (indicatorPeriod is { } ip)
                {
                    judgements.Add(await JudgeLoadedAsync(indicator, ip, area, string.Empty, string.Empty, options, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return judgements;
    }

    /// <summary>
    /// The year-end a report is for when the user names no period: the financial year that most of the plan's indicators
    /// have fully reported (a quarterly indicator whose latest value is Q3 2026/27 has fully reported 2025/26), never simply
    /// the year of the newest value anywhere; ties go to the later year. The year before the current one when nothing is stored.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>A financial year.</returns>
    public async Task<ReportingPeriod> DefaultReportPeriodAsync(int planId, CancellationToken cancellationToken = default) =>
        DefaultReportPeriod(await LatestPeriodsAsync(planId, cancellationToken).ConfigureAwait(false));

    /// <summary>The year-end a report is for when the user names no period (<see cref="DefaultReportPeriodAsync"/>), from the plan's indicators' latest periods.</summary>
    /// <param name="latest">Each indicator's latest period with a value (<see cref="LatestPeriodsAsync"/>).</param>
    /// <returns>A financial year.</returns>
    internal ReportingPeriod DefaultReportPeriod(IReadOnlyDictionary<int, ReportingPeriod> latest)
    {
        var years = latest.Values.Select(period =>
        {
            return FinancialYear.LastEndedBy(period.LastMonth);
        }).ToList();
        if (years.Count == 0)
        {
            var now = _db.TimeProvider.GetUtcNow();
            return ReportingPeriod.OfFinancialYear(YearMonth.Of(now.DateTime).FinancialYear.Previous);
        }

        var chosen = years.GroupBy(y => y).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.StartYear).First().Key;
        return ReportingPeriod.OfFinancialYear(chosen);
    }

    /// <summary>Each of the plan's indicators' latest period with a value (totals, in this service's scope), by indicator key.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The latest periods.</returns>
    public async Task<IReadOnlyDictionary<int, ReportingPeriod>> LatestPeriodsAsync(int planId, CancellationToken cancellationToken = default)
    {
        var rows = await _db.IndicatorValues.AsNoTracking().InScope(Scope)
            .Where(v => v.Indicator!.Framework!.Strategy!.PlanId == planId && v.CategoryType == string.Empty && v.Value != null)
            .Select(v => new { v.IndicatorId, v.PeriodKind, v.PeriodStart, v.PeriodEnd })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.IndicatorId).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(r => r.PeriodEnd).Select(r => PeriodColumns.ToPeriod(r.PeriodKind, r.PeriodStart, r.PeriodEnd)).First());
    }

    /// <summary>
    /// The period an indicator is judged for in a report for <paramref name="reportPeriod"/>: the report's own period when
    /// the indicator is reported at that frequency or can be added up to it (a year-end report judges a quarterly count's
    /// annual total, <see cref="AnnualTotals"/>), otherwise the indicator's period containing the report period's last
    /// month (an annual indicator in a quarterly report: the last year ended by then).
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="reportPeriod">The report's period.</param>
    /// <returns>The period to judge.</returns>
    public static ReportingPeriod PeriodFor(Indicator indicator, ReportingPeriod reportPeriod)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.PeriodKind == reportPeriod.Kind || AnnualTotals.Applies(indicator, reportPeriod))
        {
            return reportPeriod;
        }

        var kind = indicator.PeriodKind;
        var containing = ReportingPeriod.Containing(kind, reportPeriod.LastMonth);
        // A longer period than the report's (a year in a quarterly report) that has not ended: the last one that has.
        return containing.LastMonth > reportPeriod.LastMonth ? containing.Previous : containing;
    }

    /// <summary>
    /// The values behind a judgement, oldest first up to its period: the stored series at the judgement's frequency in
    /// this service's scope, or the annual totals when the judgement is of totals.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="judgement">The judgement (its area, period and category).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The series.</returns>
    public async Task<IReadOnlyList<IndicatorValue>> SeriesAsync(Indicator indicator, IndicatorJudgement judgement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(judgement);
        var values = await ValuesAsync(indicator, judgement.Period, judgement.AreaCode, judgement.CategoryType, judgement.Category, cancellationToken).ConfigureAwait(false);
        return Series(indicator, judgement, values);
    }

    /// <summary><see cref="SeriesAsync"/> from values already loaded.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="judgement">The judgement (its area, period and category).</param>
    /// <param name="values">Any of the indicator's stored values, at least those of the judgement's area and category.</param>
    /// <returns>The series.</returns>
    internal IReadOnlyList<IndicatorValue> Series(Indicator indicator, IndicatorJudgement judgement, IEnumerable<IndicatorValue> values)
    {
        var (series, _, _) = Select(indicator, judgement.Period, judgement.AreaCode, judgement.CategoryType, judgement.Category, values);
        return [.. series.Where(v => v.PeriodStart <= judgement.Period.FirstMonth.Index).OrderBy(v => v.PeriodStart)];
    }

    /// <summary>
    /// For a judgement of annual totals (<see cref="AnnualTotals"/>): the indicator's own quarterly (or monthly) values up to
    /// the year's last quarter (or month), and their usual range (XmR, as a quarter's report judges them), so that a
    /// year-end report can still show how the year went quarter by quarter. Null when the judgement is not of totals.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="judgement">The judgement of the annual total.</param>
    /// <param name="options">The SPC rules; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The series and its SPC analysis, or null.</returns>
    public async Task<(IReadOnlyList<IndicatorValue> Series, XmrResult? Spc)?> QuartersBehindAsync(
        Indicator indicator, IndicatorJudgement judgement, IndicatorJudgementOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(judgement);
        if (!AnnualTotals.Applies(indicator, judgement.Period))
        {
            return null;
        }

        // A judgement of annual totals reads the indicator's own quarterly (or monthly) rows: the rows behind it.
        var values = await ValuesAsync(indicator, judgement.Period, judgement.AreaCode, judgement.CategoryType, judgement.Category, cancellationToken).ConfigureAwait(false);
        return QuartersBehind(indicator, judgement, options, values);
    }

    /// <summary><see cref="QuartersBehindAsync"/> from values already loaded.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="judgement">The judgement of the annual total.</param>
    /// <param name="options">The SPC rules; the defaults when null.</param>
    /// <param name="stored">Any of the indicator's stored values, at least those of the judgement's area and category.</param>
    /// <returns>The series and its SPC analysis, or null.</returns>
    internal (IReadOnlyList<IndicatorValue> Series, XmrResult? Spc)? QuartersBehind(
        Indicator indicator, IndicatorJudgement judgement, IndicatorJudgementOptions? options, IEnumerable<IndicatorValue> stored)
    {
        if (!AnnualTotals.Applies(indicator, judgement.Period))
        {
            return null;
        }

        var last = ReportingPeriod.Containing(indicator.PeriodKind, judgement.Period.LastMonth);
        var (series, _, _) = Select(indicator, last, judgement.AreaCode, judgement.CategoryType, judgement.Category, stored);
        var upTo = series.Where(v => v.PeriodStart <= last.FirstMonth.Index).OrderBy(v => v.PeriodStart).ToList();
        var values = upTo.Where(v => v.Value is not null).Select(v => v.Value!.Value).ToList();
        var spc = values.Count > 0 ? XmrChart.Analyse(values, indicator.Polarity, (options ?? IndicatorJudgementOptions.Default).Spc, null) : null;
        return (upTo, spc);
    }

    private async Task<IndicatorJudgement> JudgeLoadedAsync(
        Indicator indicator, ReportingPeriod period, string areaCode, string categoryType, string category,
        IndicatorJudgementOptions? options, CancellationToken cancellationToken)
    {
        var values = await ValuesAsync(indicator, period, areaCode, categoryType, category, cancellationToken).ConfigureAwait(false);
        return Judge(indicator, period, areaCode, categoryType, category, options, values);
    }

    /// <summary>Judges one indicator (already loaded, with its targets) for one period from values already loaded.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="period">The period, as <see cref="PeriodFor"/> gives it.</param>
    /// <param name="areaCode">The area.</param>
    /// <param name="categoryType">The breakdown category type; empty for the total.</param>
    /// <param name="category">The breakdown category; empty for the total.</param>
    /// <param name="options">Judgement options.</param>
    /// <param name="values">Any of the indicator's stored values (withdrawn ones are left out here), at least those of the area, its benchmark and the category.</param>
    /// <returns>The judgement, the same as <see cref="JudgeAsync"/> gives.</returns>
    internal IndicatorJudgement Judge(
        Indicator indicator, ReportingPeriod period, string areaCode, string categoryType, string category,
        IndicatorJudgementOptions? options, IEnumerable<IndicatorValue> values)
    {
        var (series, benchmark, pending) = Select(indicator, period, areaCode, categoryType, category, values);
        var annual = AnnualTotals.Applies(indicator, period);
        var judged = annual ? AnnualTotals.ForAnnualTotals(indicator, period) : indicator;
        var judgement = IndicatorJudge.Judge(judged, series, period, benchmark, options);
        var notes = judgement.Notes.ToList();
        if (annual)
        {
            notes.Insert(0, $"Judged on the annual total of {period} against {period.SamePeriodLastYear} (the sum of its {(indicator.PeriodKind == PeriodKind.Month ? "months" : "quarters")}).");
        }

        var current = series.FirstOrDefault(v => v.PeriodStart == period.FirstMonth.Index && v.PeriodKind == period.Kind);
        judgement = judgement with
        {
            AreaCode = judgement.AreaCode.Length == 0 ? areaCode : judgement.AreaCode,
            Notes = notes,
            IsDraft = current?.Review == ReviewState.Draft,
            MissingReason = current is null && pending ? "Awaiting review: the value has not yet been approved for publication" : judgement.MissingReason,
        };
        return judgement;
    }

    /// <summary>The stored values <see cref="Select"/> needs for one judgement: one query.</summary>
    private async Task<List<IndicatorValue>> ValuesAsync(
        Indicator indicator, ReportingPeriod period, string areaCode, string categoryType, string category, CancellationToken cancellationToken)
    {
        var benchmarkArea = indicator.ResolvedBenchmarkAreaCode;
        var kind = KindStored(indicator, period);
        return await _db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorId == indicator.Id && (v.AreaCode == areaCode || v.AreaCode == benchmarkArea)
                        && v.CategoryType == categoryType && v.Category == category && v.PeriodKind == kind && v.Review != ReviewState.Withdrawn)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The frequency of the stored values a judgement for <paramref name="period"/> uses: the indicator's own for annual totals.</summary>
    private static PeriodKind KindStored(Indicator indicator, ReportingPeriod period) =>
        AnnualTotals.Applies(indicator, period) ? indicator.PeriodKind : period.Kind;

    /// <summary>
    /// From any of the indicator's stored values: the area's and the benchmark's series in scope (annual totals where they
    /// apply), and whether a draft was left out. The same rows, in the same order, as the query of <see cref="ValuesAsync"/>.
    /// </summary>
    private (List<IndicatorValue> Series, List<IndicatorValue> Benchmark, bool PendingDraft) Select(
        Indicator indicator, ReportingPeriod period, string areaCode, string categoryType, string category, IEnumerable<IndicatorValue> stored)
    {
        var benchmarkArea = indicator.ResolvedBenchmarkAreaCode;
        var annual = AnnualTotals.Applies(indicator, period);
        var kind = KindStored(indicator, period);
        var values = stored.Where(v => v.IndicatorId == indicator.Id && (v.AreaCode == areaCode || v.AreaCode == benchmarkArea)
                                       && v.CategoryType == categoryType && v.Category == category && v.PeriodKind == kind && v.Review != ReviewState.Withdrawn)
            .ToList();
        var inScope = values.Where(v => Publication.IsVisible(v.Review, Scope)).ToList();
        var pending = Scope == ValueScope.Published && values.Any(v => v.AreaCode == areaCode && v.Review == ReviewState.Draft
                                                                     && v.PeriodStart >= period.FirstMonth.Index && v.PeriodEnd <= period.LastMonth.Index);
        var series = inScope.Where(v => v.AreaCode == areaCode).ToList();
        var benchmark = inScope.Where(v => v.AreaCode == benchmarkArea).ToList();
        if (annual)
        {
            series = [.. AnnualTotals.Sum(indicator, series)];
            benchmark = [.. AnnualTotals.Sum(indicator, benchmark)];
        }

        return (series, benchmark, pending);
    }

    private async Task<ReportingPeriod?> LatestPeriodAsync(int indicatorId, string area, CancellationToken cancellationToken)
    {
        var latest = await _db.IndicatorValues.AsNoTracking().InScope(Scope)
            .Where(v => v.IndicatorId == indicatorId && v.AreaCode == area && v.CategoryType == string.Empty)
            .OrderByDescending(v => v.PeriodStart)
            .Select(v => new { v.PeriodKind, v.PeriodStart, v.PeriodEnd })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return latest is null ? null : PeriodColumns.ToPeriod(latest.PeriodKind, latest.PeriodStart, latest.PeriodEnd);
    }

    private Task<string> AreaOfAsync(int frameworkId, CancellationToken cancellationToken) =>
        _db.Frameworks.Where(f => f.Id == frameworkId).Select(f => f.Strategy!.Plan!.Partnership!.AreaCode).SingleAsync(cancellationToken);
}
