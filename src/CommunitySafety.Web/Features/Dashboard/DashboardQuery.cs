using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Statistics;
using CommunitySafety.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Dashboard;

/// <summary>What the dashboard is narrowed to.</summary>
/// <param name="Priority">A priority's code, or null for all.</param>
/// <param name="Framework">A monitoring framework's code, or null for all.</param>
/// <param name="Status">A status key (see <see cref="TileStatus"/>), or null for all.</param>
/// <param name="Published">True for the public view: approved values only (<see cref="ValueScope.Published"/>).</param>
public sealed record DashboardFilter(string? Priority, string? Framework, string? Status, bool Published = false);

/// <summary>The status keys a tile can be filtered by.</summary>
public static class TileStatus
{
    /// <summary>Keys and labels, in the order offered.</summary>
    public static IReadOnlyList<(string Key, string Label)> Options { get; } =
    [
        ("red", global::CommunitySafety.Reports.Narrative.Labels.Rag(Rag.Red)),
        ("amber", global::CommunitySafety.Reports.Narrative.Labels.Rag(Rag.Amber)),
        ("green", global::CommunitySafety.Reports.Narrative.Labels.Rag(Rag.Green)),
        ("concerning", "Unusual: a concern"),
        ("improving", "Unusual: improving"),
        ("worse", "Worse than the same period last year"),
        ("better", "Better than the same period last year"),
    ];

    /// <summary>Whether the judgement has the status <paramref name="key"/>.</summary>
    /// <param name="j">The judgement.</param>
    /// <param name="key">The key.</param>
    /// <returns>Whether it has.</returns>
    public static bool Matches(IndicatorJudgement j, string key)
    {
        ArgumentNullException.ThrowIfNull(j);
        return key switch
        {
            "red" => j.Rag == Rag.Red,
            "amber" => j.Rag == Rag.Amber,
            "green" => j.Rag == Rag.Green,
            "concerning" => j.Variation is VariationStatus.ConcerningHigh or VariationStatus.ConcerningLow,
            "improving" => j.Variation is VariationStatus.ImprovingHigh or VariationStatus.ImprovingLow,
            "worse" => j.SinceSamePeriodLastYear.Outcome is ComparisonOutcome.Worse,
            "better" => j.SinceSamePeriodLastYear.Outcome is ComparisonOutcome.Better,
            _ => true,
        };
    }
}

/// <summary>One indicator on the dashboard: its judgement by the monitoring judgement service.</summary>
/// <param name="Judgement">The judgement of the latest period.</param>
/// <param name="Multiplier">The indicator's multiplier (for display).</param>
/// <param name="Owner">The organisation that supplies it.</param>
/// <param name="DisclosureThreshold">Counts below this are suppressed when published.</param>
public sealed record IndicatorTile(IndicatorJudgement Judgement, double Multiplier, string? Owner, int? DisclosureThreshold);

/// <summary>A monitoring framework's tiles.</summary>
public sealed record FrameworkGroup(string Code, string Name, IReadOnlyList<IndicatorTile> Tiles);

/// <summary>A strategy with its frameworks.</summary>
public sealed record StrategyGroup(string Name, string? Owner, IReadOnlyList<FrameworkGroup> Frameworks);

/// <summary>A priority with its strategies.</summary>
public sealed record PriorityGroup(string Code, string Title, IReadOnlyList<StrategyGroup> Strategies);

/// <summary>The dashboard: the plan's priorities, each with its strategies and indicator tiles.</summary>
public sealed record DashboardView(
    string? PlanTitle,
    string? Partnership,
    IReadOnlyList<PriorityGroup> Priorities,
    IReadOnlyList<(string Code, string Title)> AllPriorities,
    IReadOnlyList<(string Code, string Name)> AllFrameworks)
{
    /// <summary>How many tiles are shown.</summary>
    public int TileCount => Priorities.Sum(p => p.Strategies.Sum(s => s.Frameworks.Sum(f => f.Tiles.Count)));
}

/// <summary>Builds the dashboard from the plan and the judgement service (never judging a number itself).</summary>
/// <param name="db">The monitoring store.</param>
/// <param name="status">The judgement service.</param>
/// <param name="cache">Keeps the judgements until the store changes (<see cref="StoreVersionCache"/>).</param>
public sealed class DashboardQuery(MonitoringDbContext db, IndicatorStatusService status, StoreVersionCache cache)
{
    /// <summary>The dashboard of the current plan (the latest active one, or the latest).</summary>
    /// <param name="filter">What to narrow it to.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The dashboard.</returns>
    public async Task<DashboardView> RunAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        await RunAsync(filter, await StampAsync(cancellationToken), cancellationToken);

    /// <summary>The store's version stamp (<see cref="StoreVersionCache.StampAsync"/>), read once per request.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The stamp.</returns>
    public Task<string> StampAsync(CancellationToken cancellationToken) => cache.StampAsync(db, cancellationToken);

    /// <summary>The dashboard of the current plan as of <paramref name="stamp"/> (from the cache while it is current).</summary>
    /// <param name="filter">What to narrow it to.</param>
    /// <param name="stamp">The stamp read before (<see cref="StampAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The dashboard.</returns>
    public async Task<DashboardView> RunAsync(DashboardFilter filter, string stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // The whole view is kept while the store is unchanged (the plan's tables are in the stamp too).
        return await cache.GetOrMakeAsync($"dashboard:{filter.Priority}|{filter.Framework}|{filter.Status}|{filter.Published}", stamp,
            () => BuildAsync(filter, stamp, cancellationToken));
    }

    private async Task<DashboardView> BuildAsync(DashboardFilter filter, string stamp, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Partnership)
            .Include(p => p.Priorities).ThenInclude(p => p.Strategies).ThenInclude(s => s.Frameworks)
            .OrderByDescending(p => p.Status == PlanStatus.Active || p.Status == PlanStatus.RolledForward).ThenByDescending(p => p.Id)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return new DashboardView(null, null, [], [], []);
        }

        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new { i.Code, i.FrameworkId, i.Multiplier, i.OwnerOrganisation, i.DisclosureThreshold })
            .ToListAsync(cancellationToken);
        var judged = filter.Framework is { Length: > 0 } f && plan.Priorities.SelectMany(p => p.Strategies).SelectMany(s => s.Frameworks).Any(x => x.Code == f) ? f : null;
        var scope = filter.Published ? ValueScope.Published : ValueScope.Working;
        var judgements = (await cache.GetOrMakeAsync($"judgements:{judged}|{scope}", stamp,
                () => status.For(scope).JudgeFrameworkAsync(judged, cancellationToken: cancellationToken)))
            .ToDictionary(j => j.IndicatorCode, StringComparer.Ordinal);

        var order = judgements.Keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var frameworks = plan.Priorities.SelectMany(p => p.Strategies).SelectMany(s => s.Frameworks).DistinctBy(x => x.Id).OrderBy(x => x.Code).ToList();
        var priorities = new List<PriorityGroup>();
        foreach (var priority in plan.Priorities.OrderBy(p => p.Order).ThenBy(p => p.Code, StringComparer.Ordinal))
        {
            if (filter.Priority is { Length: > 0 } pc && priority.Code != pc)
            {
                continue;
            }

            var strategies = new List<StrategyGroup>();
            foreach (var strategy in priority.Strategies.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                var groups = new List<FrameworkGroup>();
                foreach (var framework in strategy.Frameworks.OrderBy(x => x.Code, StringComparer.Ordinal))
                {
                    if (filter.Framework is { Length: > 0 } fc && framework.Code != fc)
                    {
                        continue;
                    }

                    var tiles = indicators.Where(i => i.FrameworkId == framework.Id)
                        .Select(i => judgements.TryGetValue(i.Code, out var j) ? new IndicatorTile(j, i.Multiplier, i.OwnerOrganisation, i.DisclosureThreshold ?? DisclosureControl.DefaultThreshold) : null)
                        .OfType<IndicatorTile>()
                        .Where(t => filter.Status is not { Length: > 0 } sk || TileStatus.Matches(t.Judgement, sk))
                        .OrderBy(t => order[t.Judgement.IndicatorCode])
                        .ToList();
                    groups.Add(new FrameworkGroup(framework.Code, framework.Name, tiles));
                }

                if (groups.Count > 0)
                {
                    strategies.Add(new StrategyGroup(strategy.Name, strategy.OwnerOrganisation, groups));
                }
            }

            priorities.Add(new PriorityGroup(priority.Code, priority.Title, strategies));
        }

        return new DashboardView(
            plan.Title,
            plan.Partnership?.Name,
            priorities,
            [.. plan.Priorities.OrderBy(p => p.Order).Select(p => (p.Code, p.Title))],
            [.. frameworks.Select(x => (x.Code, x.Name))]);
    }
}
