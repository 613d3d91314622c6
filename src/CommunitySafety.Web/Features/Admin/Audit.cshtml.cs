using CommunitySafety.Web.Infrastructure.Audit;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Admin;

/// <summary>The audit trail: every change made through the app, newest first, each in words with the data recorded underneath. Administrators and analysts.</summary>
[Authorize(Policy = Policies.Analysis)]
public sealed class AuditModel(WebDbContext web) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Each entry in words (<see cref="AuditSentence"/>), by entry id.</summary>
    public Dictionary<long, string> Sentences { get; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = web.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var s = Search.Trim();
            query = query.Where(a => a.User.Contains(s) || a.EntityKey.Contains(s) || a.Action.Contains(s));
        }

        var rows = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Entries = [.. rows.Take(PageSize)];

        // Who, as people know them: "Chris Contributor (Refuge)" for chris@…; the user name for anyone else.
        var names = Entries.Select(e => e.User).Distinct().ToList();
        var people = await web.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName, u.Organisation }).ToListAsync(cancellationToken);
        var who = people.ToDictionary(p => p.UserName!, p => p.Organisation is { Length: > 0 } org ? $"{p.DisplayName} ({org})" : p.DisplayName, StringComparer.Ordinal);
        foreach (var e in Entries)
        {
            Sentences[e.Id] = AuditSentence.Describe(e, who.TryGetValue(e.User, out var name) ? name : e.User);
        }
    }
}
