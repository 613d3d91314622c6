using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Methods;

/// <summary>How a cell has behaved as a hot spot over a series of periods.</summary>
public enum HotspotTrend
{
    /// <summary>Never a hot spot in the series.</summary>
    NotHot,

    /// <summary>A hot spot in at least <see cref="HotspotClassificationOptions.PersistentShare"/> of the periods.</summary>
    Persistent,

    /// <summary>A hot spot in the recent periods and never before.</summary>
    Emerging,

    /// <summary>A hot spot before, and not in the recent periods.</summary>
    Former,

    /// <summary>A hot spot both before and recently, but too seldom to be persistent.</summary>
    Intermittent,
}

/// <summary>Thresholds for <see cref="HotspotClassification"/>.</summary>
public readonly record struct HotspotClassificationOptions
{
    /// <summary>Persistent at 80% of periods; the last 20% are recent.</summary>
    public static HotspotClassificationOptions Default { get; } = new();

    /// <summary>Creates the default options.</summary>
    public HotspotClassificationOptions()
    {
    }

    /// <summary>The share of periods a cell must be hot in to be persistent (default 0.8).</summary>
    public double PersistentShare { get; init; } = 0.8;

    /// <summary>The share of periods, at the end of the series, that count as recent (default 0.2; at least one period).</summary>
    public double RecentShare { get; init; } = 0.2;

    /// <summary>The least significance that makes a cell hot in a period (default hot at 95%).</summary>
    public HotspotSignificance HotAt { get; init; } = HotspotSignificance.Hot95;
}

/// <summary>The classification of every cell over a series of periods.</summary>
/// <param name="Trend">Each cell's trend, in grid order.</param>
/// <param name="HotPeriods">How many periods each cell was hot in.</param>
/// <param name="PeriodResults">Gi* on each period's counts, in series order.</param>
/// <param name="RecentPeriods">How many periods at the end counted as recent.</param>
public sealed record HotspotClassificationResult(
    IReadOnlyList<HotspotTrend> Trend,
    IReadOnlyList<int> HotPeriods,
    IReadOnlyList<GiStarResult> PeriodResults,
    int RecentPeriods);

/// <summary>
/// Persistent, emerging, former and intermittent hot spots over a series of periods.
/// </summary>
/// <remarks>
/// The four types are those Chainey describes for hot spots over time (Chainey, S. (2021) <em>Understanding
/// Crime: Analyzing the Geography of Crime</em>, Esri Press). The exact rules here are ours: a cell is hot
/// in a period when Gi* on that period's counts is a hot spot at 95% (FDR-adjusted); the last
/// ⌈RecentShare × n⌉ periods (at least one) are recent, the others earlier; then, in this order,
/// hot in ≥ PersistentShare × n periods → persistent; never hot → not hot; hot only recently → emerging;
/// hot only earlier → former; hot both earlier and recently → intermittent.
/// Example with 10 periods (2 recent): hot in 8 → persistent; hot in periods 9–10 only → emerging; hot in
/// 1–3 only → former; hot in 2, 5 and 10 → intermittent.
/// </remarks>
public static class HotspotClassification
{
    /// <summary>How many periods at the end of a series of <paramref name="periods"/> are recent.</summary>
    public static int RecentPeriodCount(int periods, HotspotClassificationOptions options)
    {
        var k = (int)Math.Ceiling((options.RecentShare * periods) - 1e-9);
        return Math.Clamp(k, 1, Math.Max(periods - 1, 1));
    }

    /// <summary>Classifies one cell from whether it was hot in each period, oldest first.</summary>
    /// <exception cref="ArgumentException">Fewer than two periods.</exception>
    public static HotspotTrend Classify(IReadOnlyList<bool> hotByPeriod, HotspotClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(hotByPeriod);
        var n = hotByPeriod.Count;
        if (n < 2)
        {
            throw new ArgumentException("Classifying hot spots needs at least two periods.", nameof(hotByPeriod));
        }

        var recent = RecentPeriodCount(n, options);
        int hotEarlier = 0, hotRecent = 0;
        for (var t = 0; t < n; t++)
        {
            if (hotByPeriod[t])
            {
                if (t >= n - recent)
                {
                    hotRecent++;
                }
                else
                {
                    hotEarlier++;
                }
            }
        }

        var hot = hotEarlier + hotRecent;
        if (hot == 0)
        {
            return HotspotTrend.NotHot;
        }

        if (hot >= (options.PersistentShare * n) - 1e-9)
        {
            return HotspotTrend.Persistent;
        }

        return (hotEarlier, hotRecent) switch
        {
            (0, _) => HotspotTrend.Emerging,
            (_, 0) => HotspotTrend.Former,
            _ => HotspotTrend.Intermittent,
        };
    }

    /// <summary>Classifies one cell with the default thresholds.</summary>
    public static HotspotTrend Classify(IReadOnlyList<bool> hotByPeriod) => Classify(hotByPeriod, HotspotClassificationOptions.Default);

    /// <summary>
    /// Counts each period's points on <paramref name="grid"/>, runs Gi* on each, and classifies every cell.
    /// </summary>
    /// <param name="grid">One grid for every period, so cells line up.</param>
    /// <param name="periods">Each period's points, oldest first (at least two).</param>
    /// <param name="options">Thresholds.</param>
    public static HotspotClassificationResult Classify(HotspotGrid grid, IReadOnlyList<IReadOnlyList<GridPoint>> periods, HotspotClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count < 2)
        {
            throw new ArgumentException("Classifying hot spots needs at least two periods.", nameof(periods));
        }

        var results = periods.Select(p => GetisOrdGiStar.Calculate(grid, grid.CountPoints(p))).ToArray();
        var trend = new HotspotTrend[grid.Count];
        var hotPeriods = new int[grid.Count];
        var series = new bool[periods.Count];
        for (var i = 0; i < grid.Count; i++)
        {
            for (var t = 0; t < series.Length; t++)
            {
                series[t] = results[t].Significance[i] >= options.HotAt;
                hotPeriods[i] += series[t] ? 1 : 0;
            }

            trend[i] = Classify(series, options);
        }

        return new HotspotClassificationResult(trend, hotPeriods, results, RecentPeriodCount(periods.Count, options));
    }
}
