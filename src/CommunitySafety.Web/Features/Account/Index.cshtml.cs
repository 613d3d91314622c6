using System.Text.Json;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Account;

/// <summary>
/// The signed-in person's own account: name, organisation, role, the last sign-in before this one and the latest
/// sign-in events (so a sign-in they did not make, or failed attempts, can be noticed), with links to change the password
/// and set up two-factor authentication. Any signed-in person.
/// </summary>
public sealed class IndexModel(UserManager<WebUser> users, AuditLog audit) : PageModel
{
    /// <summary>One sign-in event as shown: when, what, from where, why.</summary>
    public sealed record SignInEvent(DateTimeOffset At, string Action, string Address, string? Reason);

    /// <summary>The local account, or null for a person signed in through their organisation.</summary>
    public WebUser? Account { get; private set; }

    public IList<string> RoleNames { get; private set; } = [];

    /// <summary>The successful sign-in before the one of this session, if any.</summary>
    public SignInEvent? PreviousSignIn { get; private set; }

    /// <summary>The latest sign-in events, newest first.</summary>
    public IReadOnlyList<SignInEvent> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return;
        }

        RoleNames = await users.GetRolesAsync(Account);
        Recent = [.. (await audit.RecentSignInsAsync(Account.UserName!, 10, cancellationToken)).Select(Parse)];
        PreviousSignIn = (await audit.RecentSignInsAsync(Account.UserName!, 200, cancellationToken))
            .Where(e => e.Action == "Signed in").Skip(1).Select(Parse).FirstOrDefault();
    }

    private static SignInEvent Parse(AuditEntry e)
    {
        string address = "unknown";
        string? reason = null;
        if (e.After is { } json)
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.TryGetProperty("Address", out var a) && a.ValueKind == JsonValueKind.String)
            {
                address = a.GetString()!;
            }

            if (doc.RootElement.TryGetProperty("Reason", out var r) && r.ValueKind == JsonValueKind.String)
            {
                reason = r.GetString();
            }
        }

        return new SignInEvent(e.At, e.Action, address, reason);
    }
}
