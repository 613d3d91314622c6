using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Charts;
using CommunitySafety.Reports.Model;
using CommunitySafety.Statistics;
using CommunitySafety.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Indicators;

/// <summary>One version of a commentary.</summary>
public sealed record CommentaryVersion(string Markdown, string Author, DateTimeOffset WrittenAt, bool Current);

/// <summary>The commentary of one period, newest version first.</summary>
public sealed record CommentaryThread(string? Period, IReadOnlyList<CommentaryVersion> Versions);

/// <summary>A period's value with its SPC point (when it has a value).</summary>
public sealed record SeriesRow(IndicatorValue Value, SpcPoint? Spc);

/// <summary>Everything the indicator page shows.</summary>
public sealed record IndicatorDetails(
    Indicator Indicator,
    string FrameworkName,
    string AreaCode,
    IndicatorJudgement? Latest,
    IReadOnlyList<SeriesRow> Series,
    IReadOnlyList<IndicatorValue> Benchmark,
    IReadOnlyList<CommentaryThread> Commentary,
    IReadOnlyList<IIndicatorValueFields> LatestHistory,
    string? ChartSvg);

/// <summary>Loads an indicator, its series, its judgement (from the judgement service) and its commentary history.</summary>
/// <param name="db">The monitoring store.</param>
/// <param name="status">The judgement service.</param>
/// <param name="values">The value store.</param>
/// <param name="cache">Keeps each indicator's page until the store changes (<see cref="StoreVersionCache"/>).</param>
public sealed class IndicatorQuery(MonitoringDbContext db, IndicatorStatusService status, IndicatorValueStore values, StoreVersionCache cache)
{
    /// <summary>The indicator with the code, or null: from the cache while the store is unchanged (<see cref="RenderAsync"/>).</summary>
    /// <param name="code">The indicator's code.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The details, or null when there is no such indicator.</returns>
    public async Task<IndicatorDetails?> RunAsync(string code, CancellationToken cancellationToken) =>
        await RunAsync(code, await StampAsync(cancellationToken), cancellationToken);

    /// <summary>The store's version stamp (<see cref="StoreVersionCache.StampAsync"/>), read once per request.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The stamp.</returns>
    public Task<string> StampAsync(CancellationToken cancellationToken) => cache.StampAsync(db, cancellationToken);

    /// <summary>The indicator with the code as of <paramref name="stamp"/>, or null (from the cache while it is current).</summary>
    /// <param name="code">The indicator's code.</param>
    /// <param name="stamp">The stamp read before (<see cref="StampAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The details, or null when there is no such indicator.</returns>
    public Task<IndicatorDetails?> RunAsync(string code, string stamp, CancellationToken cancellationToken) =>
        cache.GetOrMakeAsync("indicator:" + code, stamp, () => RenderAsync(code, cancellationToken));

    /// <summary>The indicator with the code, or null, built from the store (no cache).</summary>
    /// <param name="code">The indicator's code.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The details, or null when there is no such indicator.</returns>
    public async Task<IndicatorDetails?> RenderAsync(string code, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Targets).Include(i => i.Objective)
            .Include(i => i.Framework).ThenInclude(f => f!.Strategy).ThenInclude(s => s!.Plan).ThenInclude(p => p!.Partnership)
            .SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var area = indicator.ReportingAreaCode ?? indicator.Framework?.Strategy?.Plan?.Partnership?.AreaCode ?? string.Empty;
        var series = (await values.GetSeriesAsync(indicator.Id, area, cancellationToken: cancellationToken))
            .Where(v => v.PeriodKind == indicator.PeriodKind).ToList();
        var benchmark = indicator.ResolvedBenchmarkAreaCode is { } b
            ? (await values.GetSeriesAsync(indicator.Id, b, cancellationToken: cancellationToken)).ToList()
            : [];
        IndicatorJudgement? latest = null;
        if (series.Count > 0)
        {
            latest = await status.JudgeAsync(code, series[^1].Period, area, cancellationToken: cancellationToken);
        }

        // The SPC points are the judgement's (missing periods left out), matched to the periods that have values.
        var withValues = series.Where(v => v.Value is not null).ToList();
        var points = latest?.Spc?.Points ?? [];
        var rows = series.Select(v =>
        {
            var index = withValues.IndexOf(v);
            return new SeriesRow(v, index >= 0 && index < points.Count && points.Count == withValues.Count ? points[index] : null);
        }).ToList();

        // Every commentary's earlier versions in one query (the same history as IndicatorValueStore.GetCommentaryHistoryAsync:
        // the revisions by version, then the current text), not two queries per commentary.
        var commentaries = await db.Commentaries.AsNoTracking().Where(c => c.IndicatorId == indicator.Id).ToListAsync(cancellationToken);
        var ids = commentaries.Select(c => c.Id).ToList();
        var revisions = (ids.Count == 0 ? [] : await db.CommentaryRevisions.AsNoTracking().Where(r => ids.Contains(r.CommentaryId))
            .ToListAsync(cancellationToken)).ToLookup(r => r.CommentaryId);
        var threads = new List<CommentaryThread>();
        foreach (var c in commentaries)
        {
            List<(string Markdown, string Author, DateTimeOffset WrittenAt)> history =
                [.. revisions[c.Id].OrderBy(r => r.Version).Select(r => (r.Markdown, r.Author, r.WrittenAt)), (c.Markdown, c.Author, c.WrittenAt)];
            threads.Add(new CommentaryThread(c.Period, [.. history.Select((h, i) => new CommentaryVersion(h.Markdown, h.Author, h.WrittenAt, i == history.Count - 1)).Reverse()]));
        }

        threads = [.. threads.OrderByDescending(t => t.Period is { } p && ReportingPeriod.TryParse(p, null, out var rp) ? rp.LastMonth.Index : int.MinValue)];
        var latestHistory = series.Count > 0 ? await values.GetHistoryAsync(series[^1].Id, cancellationToken) : [];
        // The chart is the Reports library's (the same SVG as in the reports), over the judgement's SPC.
        var chart = latest is null ? null : new IndicatorPresenter(indicator, latest, series, ReportVariant.Internal).Chart("chart-" + indicator.Code);
        return new IndicatorDetails(indicator, indicator.Framework?.Name ?? string.Empty, area, latest, rows, benchmark, threads, latestHistory,
            chart is null ? null : ChartRenderer.ToSvg(chart));
    }
}
