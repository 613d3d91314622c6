using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Reports;

/// <summary>The report builder: choose report, period and variant; preview or download HTML, Word, PDF.</summary>
[Authorize(Policy = Policies.Analysis)]
public sealed class IndexModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Variant { get; set; } = "internal";

    public void OnGet()
    {
    }
}
