using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>
/// The place analyses on the area page, as the assessment report shows them (<see cref="PlacesSections"/>): crime and
/// deprivation over the chosen financial year; repeat places and anti-social behaviour over the latest 12 months, so the
/// 12 months before can be compared.
/// </summary>
public static class AreaPlaces
{
    /// <summary>The sections' HTML, and a sentence for each analysis that could not be made.</summary>
    /// <param name="store">The analytical store.</param>
    /// <param name="area">The area.</param>
    /// <param name="year">The financial year of the deprivation analysis.</param>
    /// <param name="lastMonth">The latest month with data, the end of the 12 months of repeat places and anti-social behaviour.</param>
    /// <param name="firstNumber">The number of the first section.</param>
    public static async Task<(IReadOnlyList<string> Html, IReadOnlyList<string> Problems)> RenderAsync(AnalyticalStore store, ResolvedArea area, FinancialYear year, YearMonth lastMonth, int firstNumber)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        var problems = new List<string>();
        var sections = PlacesSections.ForArea(store, area, year, problems, lastMonth, chartPrefix: "web-");
        var html = await AreaAnalysis.RenderSectionsAsync([.. sections.Select((s, i) => (s, (firstNumber + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        return (html, problems);
    }
}
