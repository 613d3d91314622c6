namespace CommunitySafety.Monitoring.Model;

/// <summary>
/// Commentary (Markdown) on an indicator, an objective or a priority, usually for one period. Earlier versions
/// are kept as <see cref="CommentaryRevision"/> rows.
/// </summary>
public sealed class Commentary
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The indicator commented on, if any.</summary>
    public int? IndicatorId { get; set; }

    /// <summary>The objective commented on, if any.</summary>
    public int? ObjectiveId { get; set; }

    /// <summary>The priority commented on, if any.</summary>
    public int? PriorityId { get; set; }

    /// <summary>The period, in <see cref="Periods.ReportingPeriod"/> text form (e.g. "Q4 2022/23"); null for no period.</summary>
    public string? Period { get; set; }

    /// <summary>The commentary, in Markdown.</summary>
    public required string Markdown { get; set; }

    /// <summary>Who wrote this version.</summary>
    public required string Author { get; set; }

    /// <summary>When this version was written.</summary>
    public DateTimeOffset WrittenAt { get; set; }

    /// <summary>1 for the first version; each change adds one.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The writer's name as credited inside the partnership (e.g. "Chris Contributor"); null to use <see cref="Author"/>.</summary>
    public string? AuthorName { get; set; }

    /// <summary>The writer's organisation: the only credit given in public (never a person or an e-mail address).</summary>
    public string? AuthorOrganisation { get; set; }

    /// <summary>Whether this version may be published (see <see cref="ReviewState"/>); the demo's and older commentary is approved.</summary>
    public ReviewState Review { get; set; } = ReviewState.Approved;

    /// <summary>Who approved or withdrew this version; null while it is a draft.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>When this version was approved or withdrawn.</summary>
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Earlier versions.</summary>
    public List<CommentaryRevision> Revisions { get; set; } = [];
}

/// <summary>An earlier version of a <see cref="Commentary"/>.</summary>
public sealed class CommentaryRevision
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The commentary this is an earlier version of.</summary>
    public int CommentaryId { get; set; }

    /// <summary>The version number this row was.</summary>
    public int Version { get; set; }

    /// <summary>The text of that version.</summary>
    public required string Markdown { get; set; }

    /// <summary>Who wrote that version.</summary>
    public required string Author { get; set; }

    /// <summary>When that version was written.</summary>
    public DateTimeOffset WrittenAt { get; set; }

    /// <summary>Whether that version was a draft, approved or withdrawn when it was replaced.</summary>
    public ReviewState Review { get; set; } = ReviewState.Approved;

    /// <summary>Who replaced it.</summary>
    public required string SupersededBy { get; set; }

    /// <summary>When it was replaced.</summary>
    public DateTimeOffset SupersededAt { get; set; }
}
