using CommunitySafety.Web.Features.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Public;

/// <summary>
/// The public view: the dashboard of approved values only, with the one disclosure rule applied; no sign-in, no links to
/// internal pages.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(DashboardQuery query) : PageModel
{
    public DashboardView View { get; private set; } = new(null, null, [], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await query.RunAsync(new DashboardFilter(null, null, null, Published: true), cancellationToken);
}
