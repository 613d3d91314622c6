using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Plan;

/// <summary>One action with its updates; analysts record a status update.</summary>
[Authorize(Policy = Policies.Analysis)]
public sealed class ActionModel(MonitoringDbContext db, AuditLog audit, StoreTransaction transactions, TimeProvider time) : PageModel
{
    public PlanAction? Action { get; private set; }

    // Required on a post: a missing or empty status or rating is a model error, never the enum's first value.
    [BindProperty]
    [BindRequired]
    public ActionStatus Status { get; set; }

    [BindProperty]
    [BindRequired]
    public Rag Rag { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Action = await db.Actions.AsNoTracking().Include(a => a.Updates).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (Action is null)
        {
            return NotFound();
        }

        (Status, Rag) = (Action.Status, Action.Rag);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        // A status or rating that is not one of the lists' (empty, forged) is refused rather than stored as the first.
        if (!ModelState.IsValid || !Enum.IsDefined(Status) || !Enum.IsDefined(Rag))
        {
            return BadRequest("Choose a status and a RAG rating from the lists. Nothing was saved.");
        }

        var action = await db.Actions.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        var before = new { action.Status, action.Rag };
        await using var transaction = await transactions.BeginAsync(cancellationToken);
        var now = time.GetUtcNow();
        action.Updates.Add(new ActionUpdate
        {
            Date = DateOnly.FromDateTime(now.UtcDateTime),
            Status = Status,
            Rag = Rag,
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            Author = User.AuditName(),
            RecordedAt = now,
        });
        (action.Status, action.Rag) = (Status, Rag);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(User, "Action updated", "Action", $"{action.Id} {action.Title}", before, new { Status, Rag, Text }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage(new { id });
    }
}
