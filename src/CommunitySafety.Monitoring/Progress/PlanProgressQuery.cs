using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Progress;

/// <summary>
/// Reads a plan's progress for one period from the monitoring store, in a fixed number of queries whatever the number of
/// indicators: the plan (one split query), each indicator's latest period, every stored value of the plan's indicators
/// for the areas they are judged in and against, and the commentary. Each indicator is then judged, and its series,
/// quarters and breakdowns selected, by <see cref="IndicatorStatusService"/> from those values: the same judgements as
/// asking the service indicator by indicator.
/// </summary>
/// <param name="db">The monitoring store.</param>
public sealed class PlanProgressQuery(MonitoringDbContext db)
{
    private readonly MonitoringDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    /// <summary>Reads the plan's progress.</summary>
    /// <param name="request">The plan, period and scope.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The progress, one <see cref="FrameworkProgress"/> per framework.</returns>
    /// <exception cref="InvalidOperationException">The store holds no plan, or not the one asked for.</exception>
    public async Task<PlanProgress> LoadAsync(ProgressRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await _db.Plans.AsNoTracking()
            .Where(p => request.PlanId == null || p.Id == request.PlanId)
            .OrderByDescending(p => p.LastYear).ThenByDescending(p => p.Id)
            .Include(p => p.Partnership)
            .Include(p => p.Sections)
            .Include(p => p.Priorities).ThenInclude(p => p.Sections)
            .Include(p => p.Strategies).ThenInclude(s => s.Priorities)
            .Include(p => p.Strategies).ThenInclude(s => s.Frameworks).ThenInclude(f => f.Objectives)
            .Include(p => p.Strategies).ThenInclude(s => s.Frameworks).ThenInclude(f => f.Indicators).ThenInclude(i => i.Targets)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException(request.PlanId is { } id ? $"There is no plan {id} in the monitoring store." : "The monitoring store holds no community safety plan.");

        var scope = request.Scope;
        var service = new IndicatorStatusService(_db, scope);
        var latest = await service.LatestPeriodsAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        var period = request.Period ?? service.DefaultReportPeriod(latest);
        var partnershipArea = plan.Partnership!.AreaCode;
        var frameworks = plan.Strategies.SelectMany(s => s.Frameworks.Select(f => (Strategy: s, Framework: f))).ToList();
        var indicators = frameworks.SelectMany(x => x.Framework.Indicators).ToList();
        var values = await ValuesAsync(plan.Id, AreasOf(indicators, partnershipArea), cancellationToken).ConfigureAwait(false);

        var result = new List<FrameworkProgress>();
        foreach (var (strategy, framework) in frameworks)
        {
            var items = new List<IndicatorProgress>();
            foreach (var indicator in IndicatorOrder.UnassignedLast.Sort(framework))
            {
                var own = values.GetValueOrDefault(indicator.Id) ?? [];
                var judgement = service.Judge(indicator, IndicatorStatusService.PeriodFor(indicator, period), indicator.ReportingAreaCode ?? partnershipArea,
                    string.Empty, string.Empty, request.Options, own);
                var quarters = service.QuartersBehind(indicator, judgement, request.Options, own);
                items.Add(new IndicatorProgress(indicator, judgement, service.Series(indicator, judgement, own),
                    quarters?.Series ?? [], quarters?.Spc, Breakdowns(indicator, judgement, scope, own)));
            }

            result.Add(new FrameworkProgress(strategy, framework, items));
        }

        var owners = indicators.ToDictionary(i => i.Id, i => i.OwnerOrganisation);
        var commentary = (await _db.Commentaries.AsNoTracking().InScope(scope).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(c => Credited(c, scope, c.IndicatorId is { } id ? owners.GetValueOrDefault(id) : null)).ToList();
        return new PlanProgress(plan, period, scope, result, commentary, latest);
    }

    /// <summary>The areas the plan's indicators are judged in (their own or the partnership's) and against (their benchmark).</summary>
    private static List<string> AreasOf(IEnumerable<Indicator> indicators, string partnershipArea) =>
        [.. indicators.SelectMany(i => new[] { i.ReportingAreaCode, i.ResolvedBenchmarkAreaCode }).Append(partnershipArea).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Every value of the plan's indicators in those areas (all frequencies, totals and breakdowns, any review state but
    /// withdrawn), in one query, by indicator, in the order of the store's unique key (indicator, area, frequency, period,
    /// category type, category): the order a query of one indicator's rows reads them in.
    /// </summary>
    private async Task<Dictionary<int, List<IndicatorValue>>> ValuesAsync(int planId, List<string> areas, CancellationToken cancellationToken)
    {
        var rows = await _db.IndicatorValues.AsNoTracking()
            .Where(v => v.Indicator!.Framework!.Strategy!.PlanId == planId && v.Review != ReviewState.Withdrawn && areas.Contains(v.AreaCode))
            .OrderBy(v => v.IndicatorId).ThenBy(v => v.AreaCode).ThenBy(v => v.PeriodKind).ThenBy(v => v.PeriodStart)
            .ThenBy(v => v.CategoryType).ThenBy(v => v.Category)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(v => v.IndicatorId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>
    /// A count indicator's values by category for the judged area and frequency, up to the judged period, in scope (a
    /// year-end judgement of quarterly counts has none: its breakdowns are quarterly).
    /// </summary>
    private static IReadOnlyList<IndicatorValue> Breakdowns(Indicator indicator, IndicatorJudgement judgement, ValueScope scope, List<IndicatorValue> values) =>
        indicator.ValueType != IndicatorValueType.Count
            ? []
            : [.. values.Where(v => Publication.IsVisible(v.Review, scope) && v.AreaCode == judgement.AreaCode && v.CategoryType != string.Empty
                                    && v.PeriodKind == judgement.Period.Kind && v.PeriodStart <= judgement.Period.FirstMonth.Index)];

    /// <summary>
    /// Commentary as the scope may show it: credited to "Name (Organisation)" inside and to the organisation alone when
    /// published, whose text loses any e-mail address (<see cref="Publication"/>).
    /// </summary>
    private static Commentary Credited(Commentary c, ValueScope scope, string? owner)
    {
        c.Author = Publication.Credit(c, scope, owner);
        if (scope == ValueScope.Published)
        {
            c.Markdown = Publication.RedactEmails(c.Markdown);
        }

        return c;
    }
}
