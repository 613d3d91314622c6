using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Web.Infrastructure.Caching;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>
/// The area page's costly parts (the area list, the 12-month counts, the assessment and its rendered sections, the hot
/// spot map), made once per analytical store version and day (<see cref="Infrastructure.Storage.AnalyticalStoreAccess.AnalyticalStoreStamp"/>)
/// and kept in this instance's memory, like the dashboard's (<see cref="StoreVersionCache"/>): an import that publishes
/// new data changes the stamp, and the next request makes them again. A cache of its own (<see cref="MaxAreas"/> keys),
/// so walking every area and year cannot crowd out the dashboard's pages.
/// </summary>
public sealed class AreaPageCache
{
    /// <summary>The most areas and years kept; others are made for their request.</summary>
    public const int MaxAreas = 256;

    private int _made;

    /// <summary>The cache.</summary>
    public StoreVersionCache Cache { get; } = new(MaxAreas);

    /// <summary>How many area pages' data this instance has made (not served from the cache): for tests and diagnostics.</summary>
    public int Made => Volatile.Read(ref _made);

    /// <summary>Counts one made.</summary>
    public void CountMade() => Interlocked.Increment(ref _made);
}

/// <summary>What the area page shows for one area and financial year.</summary>
/// <param name="Counts">Recorded crime by type over the latest 12 months, with rates.</param>
/// <param name="PreviousCounts">The 12 months before.</param>
/// <param name="Years">The financial years with data, newest first.</param>
/// <param name="Assessment">The strategic assessment of the year.</param>
/// <param name="AssessmentHtml">Its sections as HTML.</param>
/// <param name="Hotspots">The hot spot map of the year.</param>
public sealed record AreaPageData(
    CountResult Counts,
    CountResult PreviousCounts,
    IReadOnlyList<FinancialYear> Years,
    AreaAssessment Assessment,
    IReadOnlyList<string> AssessmentHtml,
    AreaHotspots Hotspots)
{
    /// <summary>Crime outcomes of the area and year.</summary>
    public CommunitySafety.Assessment.Outcomes.OutcomeResult? Outcomes { get; init; }

    /// <summary>Stop and search of the area's force.</summary>
    public CommunitySafety.Assessment.StopSearch.StopSearchResult? StopSearch { get; init; }

    /// <summary>The place analyses' sections, rendered.</summary>
    public IReadOnlyList<string> PlacesHtml { get; init; } = [];

    /// <summary>Why a place analysis could not be shown.</summary>
    public IReadOnlyList<string> PlacesProblems { get; init; } = [];
}
