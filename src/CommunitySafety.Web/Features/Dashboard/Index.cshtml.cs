using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Dashboard;

/// <summary>The dashboard: the plan's priorities with their strategies and indicator tiles, filterable.</summary>
[Authorize(Policy = Policies.Internal)]
public sealed class IndexModel(DashboardQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public DashboardView View { get; private set; } = new(null, null, [], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await query.RunAsync(new DashboardFilter(Priority, Framework, Status), cancellationToken);
}
