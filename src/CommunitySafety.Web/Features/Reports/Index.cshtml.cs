using CommunitySafety.Data.Queries;
using CommunitySafety.Web.Features.Areas;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Reports;

/// <summary>
/// The report builder: choose the progress report (period) or the strategic assessment (area and financial year), and
/// the variant; preview or download HTML, Word, PDF.
/// </summary>
[Authorize(Policy = Policies.Analysis)]
public sealed class IndexModel(WebStoreOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Report { get; set; } = "progress";

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Variant { get; set; } = "internal";

    /// <summary>The areas with an ONS code in the crime data, for the strategic assessment.</summary>
    public IReadOnlyList<(string Code, string Name, string Kind)> Areas { get; private set; } = [];

    public void OnGet()
    {
        if (!options.HasAnalyticalStore())
        {
            return;
        }

        using var store = options.OpenAnalyticalStore();
        var areas = new AreaResolver(store).ListAreas().Where(a => a.Area.Code is not null && a.LastMonth is not null).ToList();
        Areas = [.. areas.Select(a => (a.Area.Code!.ToString()!, a.Area.Name, a.Area.KindName))];
        if (Report == "assessment" && string.IsNullOrWhiteSpace(Year) && areas.FirstOrDefault(a => a.Area.Code?.ToString() == Area) is { LastMonth: { } last })
        {
            Year = AreaAnalysis.YearOf(last).ToString();
        }
    }
}
