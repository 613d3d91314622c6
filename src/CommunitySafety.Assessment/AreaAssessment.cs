using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Assessment;

/// <summary>
/// The assessment use case, one home for <c>csp assess</c>, <c>csp report assessment</c>, the demo's reports, the area
/// page and <c>/api/assessment</c>: resolves the area in the store, chooses its peers, loads the area, its peers and
/// England and Wales (<see cref="StoreAssessmentSource"/>) and assesses them (<see cref="StrategicAssessment"/>). The
/// callers only ask and render. Every area of a kind at once is <see cref="AllAreasAssessment"/>.
/// </summary>
public static class AreaAssessment
{
    /// <summary>Assesses the area of <paramref name="request"/> from <paramref name="store"/>.</summary>
    /// <param name="store">The analytical store.</param>
    /// <param name="request">The area, year, peers and settings.</param>
    /// <returns>The assessment with the area, peers and months it was made of.</returns>
    /// <exception cref="AreaNotFoundException">Nothing in the store matches the area.</exception>
    /// <exception cref="ArgumentException">The area is a police force, an LSOA or England and Wales, or has no ONS code (<see cref="StoreAssessmentSource.Resolve"/>).</exception>
    /// <exception cref="NoAssessmentDataException">The store has no records for the area in the year.</exception>
    public static AreaAssessmentResult For(AnalyticalStore store, AreaAssessmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var source = new StoreAssessmentSource(store);
        var area = source.Resolve(request.Area);
        var peers = request.Peers?.Invoke(area, source) ?? DefaultPeers.For(area);
        var year = request.Year;
        var data = source.Load(area, year, peers);
        if (data.Area.For(year) is not { } thisYear)
        {
            throw new NoAssessmentDataException(area, year);
        }

        var assessment = StrategicAssessment.Assess(
            new AssessmentRequest { Year = year, Baseline = request.Baseline, PeerGroup = peers, Previous = request.Previous, Provenance = source.Provenance(area, year) },
            data,
            request.Settings,
            request.GeneratedAt);
        return new AreaAssessmentResult(area, peers, assessment, thisYear.MonthsWithData);
    }
}
