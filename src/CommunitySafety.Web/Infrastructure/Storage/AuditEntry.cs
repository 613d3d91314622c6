namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>One change made through the web application: who, when, what, and the state before and after.</summary>
public sealed class AuditEntry
{
    /// <summary>Database key; also the order of the changes.</summary>
    public long Id { get; set; }

    /// <summary>When the change was made (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who made it (user name).</summary>
    public required string User { get; set; }

    /// <summary>What was done, e.g. "Value submitted", "User created".</summary>
    public required string Action { get; set; }

    /// <summary>The kind of thing changed, e.g. "Indicator value", "User".</summary>
    public required string Entity { get; set; }

    /// <summary>Which one, e.g. "DA-E1 Q1 2024/25 E06000044".</summary>
    public required string EntityKey { get; set; }

    /// <summary>The state before (JSON); null for something new.</summary>
    public string? Before { get; set; }

    /// <summary>The state after (JSON); null for something removed.</summary>
    public string? After { get; set; }
}

/// <summary>A contributor's saved but not yet submitted figures for one framework and period.</summary>
public sealed class EntryDraft
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>Whose draft it is (user id).</summary>
    public required string UserId { get; set; }

    /// <summary>The monitoring framework's code.</summary>
    public required string FrameworkCode { get; set; }

    /// <summary>The period, in its text form (e.g. "Q1 2024/25").</summary>
    public required string Period { get; set; }

    /// <summary>The form's fields (JSON).</summary>
    public required string Json { get; set; }

    /// <summary>When it was last saved.</summary>
    public DateTimeOffset SavedAt { get; set; }
}
