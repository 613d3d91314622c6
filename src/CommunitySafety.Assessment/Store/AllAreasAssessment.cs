using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment;

/// <summary>
/// Assesses every area of one kind in the store (e.g. every CSP) for a year, for the web app's overview. Each area is
/// read once: the source's cache serves it again as a peer of the others.
/// </summary>
public static class AllAreasAssessment
{
    /// <summary>Assesses every area of <paramref name="kind"/> with data for <paramref name="year"/>.</summary>
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

        var results = new AssessmentResult[inputs.Count];
        Parallel.For(0, inputs.Count, i => results[i] = StrategicAssessment.Assess(inputs[i].Request, inputs[i].Data, settings, generatedAt));
        return results;
    }
}
