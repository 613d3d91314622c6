using CommunitySafety.Periods;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring;

/// <summary>Loads indicators and their values from the store and judges them with <see cref="IndicatorJudge"/>.</summary>
/// <param name="db">The monitoring store.</param>
public sealed class IndicatorStatusService(MonitoringDbContext db)
{
    private readonly MonitoringDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

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
    /// <returns>The judgements, in framework, objective and indicator order.</returns>
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
            foreach (var indicator in framework.Indicators.OrderBy(i => i.Objective?.Order ?? int.MaxValue).ThenBy(i => i.Order).ThenBy(i => i.Code, StringComparer.Ordinal))
            {
                var area = indicator.ReportingAreaCode ?? partnershipArea;
                ReportingPeriod? indicatorPeriod = period is { } p
                    ? FrameworkWorkbooks.LastPeriodEndingBy(indicator.PeriodKind, p.LastMonth, containing: true)
                    : await LatestPeriodAsync(indicator.Id, area, cancellationToken).ConfigureAwait(false);
                if (indicatorPeriod is { } ip)
                {
                    judgements.Add(await JudgeLoadedAsync(indicator, ip, area, string.Empty, string.Empty, options, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return judgements;
    }

    private async Task<IndicatorJudgement> JudgeLoadedAsync(
        Indicator indicator, ReportingPeriod period, string areaCode, string categoryType, string category,
        IndicatorJudgementOptions? options, CancellationToken cancellationToken)
    {
        var benchmarkArea = indicator.ResolvedBenchmarkAreaCode;
        var values = await _db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorId == indicator.Id && (v.AreaCode == areaCode || v.AreaCode == benchmarkArea)
                        && v.CategoryType == categoryType && v.Category == category && v.PeriodKind == period.Kind)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var series = values.Where(v => v.AreaCode == areaCode).ToList();
        var benchmark = values.Where(v => v.AreaCode == benchmarkArea).ToList();
        var judgement = IndicatorJudge.Judge(indicator, series, period, benchmark, options);
        return judgement.AreaCode.Length == 0 ? judgement with { AreaCode = areaCode } : judgement;
    }

    private async Task<ReportingPeriod?> LatestPeriodAsync(int indicatorId, string area, CancellationToken cancellationToken)
    {
        var latest = await _db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.AreaCode == area && v.CategoryType == string.Empty)
            .OrderByDescending(v => v.PeriodStart)
            .Select(v => new { v.PeriodKind, v.PeriodStart, v.PeriodEnd })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return latest is null ? null : PeriodColumns.ToPeriod(latest.PeriodKind, latest.PeriodStart, latest.PeriodEnd);
    }

    private Task<string> AreaOfAsync(int frameworkId, CancellationToken cancellationToken) =>
        _db.Frameworks.Where(f => f.Id == frameworkId).Select(f => f.Strategy!.Plan!.Partnership!.AreaCode).SingleAsync(cancellationToken);
}
