using CommunitySafety.Data.Queries;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Reports;

/// <summary>
/// The report builder, one kind of report at a time: the progress report (period and variant) or the strategic
/// assessment (area and financial year, and variant), each with only its own fields; the assessment lists only the
/// areas with crime records, grouped by kind, with none chosen until the person chooses. Preview or download HTML,
/// Word, PDF.
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

    /// <summary>The kinds of area a strategic assessment is written for, in the order listed.</summary>
    public static readonly AreaKind[] AssessedKinds = [AreaKind.CommunitySafetyPartnership, AreaKind.LocalAuthority, AreaKind.PoliceForceArea];

    /// <summary>The areas with crime records and an ONS code, for the strategic assessment, by kind.</summary>
    public IReadOnlyList<(string Code, string Name, AreaKind Kind, string Months)> Areas { get; private set; } = [];

    public bool IsAssessment => Report == "assessment";

    public void OnGet()
    {
        Report = Report == "assessment" ? "assessment" : "progress";
        Variant = Variant == "published" ? "published" : "internal";
        if (!IsAssessment || !options.HasAnalyticalStore())
        {
            return;
        }

        using var store = options.OpenAnalyticalStore();
        var areas = new AreaResolver(store).ListAreas()
            .Where(a => a.Area.Code is not null && a.Records > 0 && a.FirstMonth is not null && a.LastMonth is not null && AssessedKinds.Contains(a.Area.Kind))
            .OrderBy(a => Array.IndexOf(AssessedKinds, a.Area.Kind)).ThenBy(a => a.Area.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        Areas = [.. areas.Select(a => (a.Area.Code!.ToString()!, a.Area.Name, a.Area.Kind, $"{a.FirstMonth} to {a.LastMonth}"))];
        if (Report == "assessment" && string.IsNullOrWhiteSpace(Year) && areas.FirstOrDefault(a => a.Area.Code?.ToString() == Area) is { LastMonth: { } last })
        {
            Year = last.FinancialYear.ToString();
        }
    }
}
