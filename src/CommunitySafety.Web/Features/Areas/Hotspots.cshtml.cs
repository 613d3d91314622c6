using CommunitySafety.Data.Queries;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>The cells of an area's hot spot map (counts and Gi*) for a financial year, as GeoJSON or CSV.</summary>
[Authorize(Policy = Policies.Internal)]
public sealed class HotspotsModel(WebStoreOptions options) : PageModel
{
    public IActionResult OnGet(string format, string? area, string? year)
    {
        var kind = format?.ToLowerInvariant();
        if (kind is not ("geojson" or "csv"))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(area) || AreaAnalysis.ParseYear(year) is not { } fy)
        {
            return BadRequest("Give an area (ONS code) and a financial year, e.g. ?area=E06000032&year=2024/25.");
        }

        if (!options.HasAnalyticalStore())
        {
            return NotFound();
        }

        using var store = options.OpenAnalyticalStore();
        var resolved = new AreaResolver(store).TryResolve(area.Trim());
        if (resolved is null)
        {
            return NotFound();
        }

        var hotspots = AreaAnalysis.Hotspots(store, resolved, fy);
        if (hotspots.Cells is not { } cells)
        {
            return NotFound();
        }

        var name = $"hotspots-{resolved.Code?.ToString() ?? "area"}-{fy.ToString().Replace('/', '-')}";
        return kind == "csv"
            ? File(System.Text.Encoding.UTF8.GetBytes(CellExport.ToCsv(cells)), "text/csv; charset=utf-8", name + ".csv")
            : File(System.Text.Encoding.UTF8.GetBytes(CellExport.ToGeoJson(cells)), "application/geo+json", name + ".geojson");
    }
}
