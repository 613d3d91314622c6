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

    /// <summary>The store's version stamp the view was read at: the page's HTML is kept under it (StampedHtmlTagHelper).</summary>
    public string? Stamp { get; private set; }

    /// <summary>Whether the HTML may be kept: every filter is empty or one of the values offered (odd addresses are not kept).</summary>
    public bool Cacheable =>
        (string.IsNullOrEmpty(Priority) || View.AllPriorities.Any(p => p.Code == Priority))
        && (string.IsNullOrEmpty(Framework) || View.AllFrameworks.Any(f => f.Code == Framework))
        && (string.IsNullOrEmpty(Status) || TileStatus.Options.Any(o => o.Key == Status));

    /// <summary>The key of the page's HTML: the filter.</summary>
    public string HtmlKey => $"dashboard:{Priority}|{Framework}|{Status}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Stamp = await query.StampAsync(cancellationToken);
        View = await query.RunAsync(new DashboardFilter(Priority, Framework, Status), Stamp, cancellationToken);
    }
}
