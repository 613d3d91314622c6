using CommunitySafety.Assessment.Peers;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Store;

/// <summary>
/// Assesses every area of one kind in the store (e.g. every CSP) for a year, for the web app's overview. Each area is
/// read once: the source's cache serves it again as a peer of the others.
/// </summary>
public static class AllAreasAssessment
{
    /// <summary>
    /// Assesses every area of <paramref name="kind"/> with data for <paramref name="year"/>, reading the store in bulk
    /// (<see cref="AllAreaCounts"/>: one pass over the monthly counts for every area, then memory) and assessing the
    /// areas in parallel. Each result equals that of <see cref="StrategicAssessment.Assess"/> on
    /// <see cref="StoreAssessmentSource.Load"/> of a new source for that area. An overview that shows each area's own
    /// position should pass <see cref="AssessmentSettings.FunnelPointForEachPeer"/> = false: the peers' funnel points are
    /// nearly all the cost (for every CSP over 5 national years, 144 CPU-s against about 2; docs/benchmarks.md).
    /// </summary>
    /// <param name="store">The analytical store.</param>
    /// <param name="kind">The kind of area, e.g. <see cref="AreaKind.CommunitySafetyPartnership"/>.</param>
    /// <param name="year">The assessment year.</param>
    /// <param name="settings">Matrix, harm weights, unreliable years, sensitivity, funnel points.</param>
    /// <param name="generatedAt">The time stamped on each result.</param>
    /// <param name="peers">The peer group of each area; by default every other area of the kind with data for the year.</param>
    /// <returns>One result per area with data for the year, in name order.</returns>
    public static IReadOnlyList<AssessmentResult> Run(
        AnalyticalStore store,
        AreaKind kind,
        FinancialYear year,
        AssessmentSettings settings,
        DateTimeOffset generatedAt,
        Func<ResolvedArea, PeerGroup>? peers = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Assess(Load(store, kind, year, peers), settings, generatedAt);
    }

    /// <summary>Assesses areas already read (<see cref="Load"/>), in parallel: the assessments are pure.</summary>
    /// <param name="inputs">Each area's request and data.</param>
    /// <param name="settings">Matrix, harm weights, unreliable years, sensitivity, funnel points.</param>
    /// <param name="generatedAt">The time stamped on each result.</param>
    /// <returns>One result per input, in the inputs' order.</returns>
    public static IReadOnlyList<AssessmentResult> Assess(IReadOnlyList<(AssessmentRequest Request, AssessmentData Data)> inputs, AssessmentSettings settings, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var results = new AssessmentResult[inputs.Count];
        Parallel.For(0, inputs.Count, i => results[i] = StrategicAssessment.Assess(inputs[i].Request, inputs[i].Data, settings, generatedAt));
        return results;
    }

    /// <summary>The requests and data of <see cref="Run(AnalyticalStore, AreaKind, FinancialYear, AssessmentSettings, DateTimeOffset, Func{ResolvedArea, PeerGroup}?)"/>, read in bulk.</summary>
    public static IReadOnlyList<(AssessmentRequest Request, AssessmentData Data)> Load(
        AnalyticalStore store,
        AreaKind kind,
        FinancialYear year,
        Func<ResolvedArea, PeerGroup>? peers = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var source = new AllAreasSource(store);
        var areas = source.AreasOfKind(kind);
        var withData = areas.Where(a => source.Year(a, year).Year is not null).ToList();
        var inputs = new List<(AssessmentRequest Request, AssessmentData Data)>();
        foreach (var area in withData)
        {
            var group = peers?.Invoke(area)
                ?? StoreAssessmentSource.AllOthersGroup(area, [.. withData.Where(a => a.Code != area.Code).Select(a => a.Code!.Value)], year);
            inputs.Add((new AssessmentRequest { Year = year, PeerGroup = group }, source.Load(area, year, group, allOthers: peers is null)));
        }

        return inputs;
    }

    /// <summary>
    /// Assesses every area of <paramref name="kind"/> with data for <paramref name="year"/>, reading area by area through
    /// <paramref name="source"/> (several queries an area; <see cref="Run(AnalyticalStore, AreaKind, FinancialYear, AssessmentSettings, DateTimeOffset, Func{ResolvedArea, PeerGroup}?)"/>
    /// reads in bulk and is the one to use).
    /// </summary>
    /// <param name="source">The store source (its cache is reused across areas).</param>
    /// <param name="kind">The kind of area, e.g. <see cref="AreaKind.CommunitySafetyPartnership"/>.</param>
    /// <param name="year">The assessment year.</param>
    /// <param name="settings">Matrix, harm weights, unreliable years, sensitivity.</param>
    /// <param name="generatedAt">The time stamped on each result.</param>
    /// <param name="peers">The peer group of each area; by default every other area of the kind with data for the year.</param>
    /// <returns>One result per area with data for the year, in name order.</returns>
    public static IReadOnlyList<AssessmentResult> Run(
        StoreAssessmentSource source,
        AreaKind kind,
        FinancialYear year,
        AssessmentSettings settings,
        DateTimeOffset generatedAt,
        Func<ResolvedArea, PeerGroup>? peers = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        // Reading goes through one store connection, so it is sequential; the assessments are pure and run in parallel.
        var inputs = new List<(AssessmentRequest Request, AssessmentData Data)>();
        foreach (var area in source.AreasOfKind(kind))
        {
            if (source.Year(area, year) is null)
            {
                continue;
            }

            var group = peers?.Invoke(area) ?? source.AllOthers(area, year);
            inputs.Add((new AssessmentRequest { Year = year, PeerGroup = group }, source.Load(area, year, group)));
        }

        return Assess(inputs, settings, generatedAt);
    }
}
