using CommunitySafety.Assessment.Outcomes;
using CommunitySafety.Assessment.StopSearch;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>The area page's crime outcomes and stop-and-search sections (partials <c>_Outcomes</c> and <c>_StopSearch</c>).</summary>
internal static class AreaOutcomes
{
    /// <summary>
    /// The area's outcomes for the year (with peers), and its force's stop and search for the latest complete year at or
    /// before it (police.uk's stop-and-search files often end earlier than the street files); the year asked for, saying
    /// what is missing, when none is complete.
    /// </summary>
    public static (OutcomeResult? Outcomes, StopSearchResult? StopSearch) For(AnalyticalStore store, ResolvedArea area, FinancialYear year)
    {
        var outcomes = new OutcomeAnalysis(store).For(new OutcomeRequest { Area = area, Year = year });
        return (outcomes, new StopSearchAnalysis(store).ForLatestCompleteYear(area, year));
    }
}
