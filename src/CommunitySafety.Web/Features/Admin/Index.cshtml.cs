using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Admin;

/// <summary>Administration: frameworks and their indicators, partner organisations. Administrators and analysts.</summary>
[Authorize(Policy = Policies.Analysis)]
public sealed class IndexModel(MonitoringDbContext db, WebDbContext web, AuditLog audit, StoreTransaction transactions) : PageModel
{
    public List<MonitoringFramework> Frameworks { get; private set; } = [];

    public List<string> Organisations { get; private set; } = [];

    public string? Error { get; private set; }

    public IReadOnlyList<(string Field, string Message)> Errors => Error is null ? [] : [("organisation-name", Error)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostOrganisationAsync(string? name, CancellationToken cancellationToken)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            Error = "Enter the organisation's name (up to 200 characters)";
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (!await web.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            await using var transaction = await transactions.BeginAsync(cancellationToken);
            web.Organisations.Add(new Organisation { Name = name });
            await web.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(User, "Organisation added", "Organisation", name, null, new { Name = name }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Indicators).Include(f => f.Strategy).OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var owners = Frameworks.SelectMany(f => f.Indicators).Select(i => i.OwnerOrganisation).OfType<string>();
        var stored = await web.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync(cancellationToken);
        Organisations = [.. owners.Concat(stored).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }
}
