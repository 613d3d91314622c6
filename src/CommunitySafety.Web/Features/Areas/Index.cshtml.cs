using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>Area crime overview from the analytical store: recorded crime by type over the latest 12 months, with rates.</summary>
[Authorize(Policy = Policies.Internal)]
public sealed class IndexModel(WebStoreOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    public bool HasStore { get; private set; }

    public IReadOnlyList<AreaSummary> Areas { get; private set; } = [];

    public CountResult? Counts { get; private set; }

    public CountResult? PreviousCounts { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
        HasStore = System.IO.File.Exists(options.AnalyticalStorePath);
        if (!HasStore)
        {
            return;
        }

        using var store = AnalyticalStore.Open(options.AnalyticalStorePath);
        var resolver = new AreaResolver(store);
        Areas = [.. resolver.ListAreas().Where(a => a.Area.Code is not null)];
        if (string.IsNullOrWhiteSpace(Area))
        {
            return;
        }

        var chosen = Areas.FirstOrDefault(a => a.Area.Code?.ToString() == Area);
        if (chosen is null || chosen.LastMonth is not { } last)
        {
            Problem = "Choose an area from the list";
            return;
        }

        var counts = new CrimeCounts(store);
        var period = ReportingPeriod.Rolling12MonthsTo(last);
        Counts = counts.Count(CountQuery.For(chosen.Area, period, CountGrouping.CrimeType));
        PreviousCounts = counts.Count(CountQuery.For(chosen.Area, ReportingPeriod.Rolling12MonthsTo(last.AddMonths(-12)), CountGrouping.CrimeType));
    }
}
