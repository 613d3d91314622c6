using System.Security.Claims;
using System.Text.Json;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;

namespace CommunitySafety.Web.Infrastructure.Audit;

/// <summary>Writes the audit trail: every change made through the web application, with its before and after.</summary>
/// <param name="db">The web tables.</param>
/// <param name="time">The clock.</param>
public sealed class AuditLog(WebDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

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
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            User = user.AuditName(),
            Action = action,
            Entity = entity,
            EntityKey = key,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
