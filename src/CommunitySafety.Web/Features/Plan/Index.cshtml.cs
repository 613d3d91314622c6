using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Plan;

/// <summary>The plan: priorities, strategies, and actions with owners, due dates and status.</summary>
[Authorize(Policy = Policies.Internal)]
public sealed class IndexModel(MonitoringDbContext db) : PageModel
{
    public CommunitySafetyPlan? Plan { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Plan = await db.Plans.AsNoTracking()
            .Include(p => p.Partnership)
            .Include(p => p.Priorities).ThenInclude(p => p.Strategies)
            .Include(p => p.Strategies).ThenInclude(s => s.Actions)
            .AsSplitQuery()
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
