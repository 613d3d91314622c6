using System.Security.Claims;
using System.Text.Json;
using CommunitySafety.Web.Infrastructure.Security;

namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>Writes the audit trail: every change made through the web application, with its before and after.</summary>
/// <param name="db">The web tables.</param>
/// <param name="time">The clock.</param>
public sealed class AuditLog(WebDbContext db, TimeProvider time)
{
    // Text as written (no \u003C escapes): the trail is read by people, and pages encode it when they show it.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Records a change (saved at once).</summary>
    /// <param name="user">Who made it.</param>
    /// <param name="action">What was done.</param>
    /// <param name="entity">The kind of thing changed.</param>
    /// <param name="key">Which one.</param>
    /// <param name="before">The state before, or null.</param>
    /// <param name="after">The state after, or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public async Task RecordAsync(
        ClaimsPrincipal user, string action, string entity, string key, object? before, object? after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await RecordAsync(user.AuditName(), action, entity, key, before, after, cancellationToken);
    }

    /// <summary>Records a change made by someone not signed in (e.g. a password set through a one-time link).</summary>
    /// <param name="who">Who made it (user name).</param>
    /// <param name="action">What was done.</param>
    /// <param name="entity">The kind of thing changed.</param>
    /// <param name="key">Which one.</param>
    /// <param name="before">The state before, or null.</param>
    /// <param name="after">The state after, or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public async Task RecordAsync(
        string who, string action, string entity, string key, object? before, object? after, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            User = who,
            Action = action,
            Entity = entity,
            EntityKey = key,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The entity name of sign-in events in the audit trail.</summary>
    public const string SignInEntity = "Sign-in";

    /// <summary>
    /// Records a sign-in event (saved at once): who tried (the account name typed, at most 256 characters), when, and from
    /// which address. Never a password or code: the caller passes only the name, the outcome and a reason.
    /// </summary>
    /// <param name="who">The account name typed or signed in.</param>
    /// <param name="action">The outcome, e.g. "Signed in", "Sign-in failed", "Account locked".</param>
    /// <param name="address">The client's address, or null when unknown.</param>
    /// <param name="reason">Why, in words (e.g. "wrong password"), or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public async Task RecordSignInAsync(string? who, string action, System.Net.IPAddress? address, string? reason, CancellationToken cancellationToken = default)
    {
        var name = string.IsNullOrWhiteSpace(who) ? "(none given)" : who.Trim();
        if (name.Length > 256)
        {
            name = name[..256];
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            User = name,
            Action = action,
            Entity = SignInEntity,
            EntityKey = name,
            After = JsonSerializer.Serialize(new { Address = address?.ToString() ?? "unknown", Reason = reason }, Json),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The latest sign-in events of one account (signed in, failed, refused, signed out), newest first.</summary>
    /// <param name="userName">The account's user name.</param>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The events.</returns>
    public async Task<IReadOnlyList<AuditEntry>> RecentSignInsAsync(string userName, int count, CancellationToken cancellationToken = default) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.Entity == SignInEntity && e.EntityKey == userName).OrderByDescending(e => e.Id).Take(count),
            cancellationToken);
}
