using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Periods;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Values;

/// <summary>Records and reads indicator values and commentary, keeping every earlier version.</summary>
/// <param name="db">The monitoring store.</param>
public sealed class IndicatorValueStore(MonitoringDbContext db)
{
    private readonly MonitoringDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    /// <summary>Records one value, validating it first; a changed value keeps its previous version.</summary>
    /// <param name="input">The value.</param>
    /// <param name="enteredBy">Who is entering it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was added, changed or already there.</returns>
    /// <exception cref="KeyNotFoundException">No indicator has the code.</exception>
    /// <exception cref="ArgumentException">The value breaks a rule of <see cref="IndicatorValueRules"/>.</exception>
    public async Task<ValueChange> RecordAsync(IndicatorValueInput input, string enteredBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await _db.Indicators.SingleOrDefaultAsync(i => i.Code == input.IndicatorCode, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No indicator has the code '{input.IndicatorCode}'.");
        var problems = IndicatorValueRules.Validate(indicator, input, _db.TimeProvider.GetUtcNow());
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(input));
        }

        var existing = await FindAsync(indicator.Id, input, cancellationToken).ConfigureAwait(false);
        var change = Stage(indicator, existing, input, enteredBy);
        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return change;
    }

    /// <summary>The stored values of an indicator for one area and category, in period order (drafts included, withdrawn ones not).</summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="areaCode">The area.</param>
    /// <param name="categoryType">The category type; empty for the total.</param>
    /// <param name="category">The category; empty for the total.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The series, oldest first.</returns>
    public async Task<IReadOnlyList<IndicatorValue>> GetSeriesAsync(
        int indicatorId, string areaCode, string categoryType = "", string category = "", CancellationToken cancellationToken = default) =>
        await _db.IndicatorValues.AsNoTracking().InScope(ValueScope.Working)
            .Where(v => v.IndicatorId == indicatorId && v.AreaCode == areaCode && v.CategoryType == categoryType && v.Category == category)
            .OrderBy(v => v.PeriodStart).ThenBy(v => v.PeriodEnd)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Every version of a value, oldest first, the current one last.</summary>
    /// <param name="valueId">The value.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The versions, each with who entered it and when.</returns>
    public async Task<IReadOnlyList<IIndicatorValueFields>> GetHistoryAsync(int valueId, CancellationToken cancellationToken = default)
    {
        var current = await _db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Id == valueId, cancellationToken).ConfigureAwait(false);
        var revisions = await _db.IndicatorValueRevisions.AsNoTracking().Where(r => r.IndicatorValueId == valueId)
            .OrderBy(r => r.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. revisions, current];
    }

    /// <summary>
    /// A breakdown of an indicator for one period (e.g. people in treatment by presenting substance), with the
    /// total and whether the categories add up to it.
    /// </summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="areaCode">The area.</param>
    /// <param name="period">The period.</param>
    /// <param name="categoryType">The category type.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The breakdown.</returns>
    public async Task<Breakdown> GetBreakdownAsync(
        int indicatorId, string areaCode, ReportingPeriod period, string categoryType, CancellationToken cancellationToken = default)
    {
        var start = period.FirstMonth.Index;
        var rows = await _db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.AreaCode == areaCode && v.PeriodKind == period.Kind && v.PeriodStart == start
                        && (v.CategoryType == categoryType || v.CategoryType == string.Empty))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Breakdown(
            categoryType,
            rows.SingleOrDefault(r => r.IsTotal),
            [.. rows.Where(r => !r.IsTotal).OrderBy(r => r.Category, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Writes commentary on an indicator, objective or priority for a period; replacing existing commentary keeps its
    /// previous version.
    /// </summary>
    /// <param name="subject">What the commentary is on.</param>
    /// <param name="period">The period, or null for none.</param>
    /// <param name="markdown">The text.</param>
    /// <param name="author">Who wrote it (the account).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored commentary.</returns>
    public Task<Commentary> WriteCommentaryAsync(
        CommentarySubject subject, ReportingPeriod? period, string markdown, string author, CancellationToken cancellationToken = default) =>
        WriteCommentaryAsync(subject, period, markdown, author, credit: null, ReviewState.Approved, cancellationToken);

    /// <summary>
    /// Writes commentary as <see cref="WriteCommentaryAsync(CommentarySubject, ReportingPeriod?, string, string, CancellationToken)"/>,
    /// credited to a person and organisation, in a review state (a partner's commentary is a draft until approved).
    /// </summary>
    /// <param name="subject">What the commentary is on.</param>
    /// <param name="period">The period, or null for none.</param>
    /// <param name="markdown">The text.</param>
    /// <param name="author">Who wrote it (the account).</param>
    /// <param name="credit">The name and organisation credited; null for none.</param>
    /// <param name="review">Draft for a partner, approved for an analyst.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored commentary.</returns>
    public async Task<Commentary> WriteCommentaryAsync(
        CommentarySubject subject, ReportingPeriod? period, string markdown, string author, CommentaryCredit? credit, ReviewState review,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(markdown);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        if (subject is { IndicatorId: null, ObjectiveId: null, PriorityId: null })
        {
            throw new ArgumentException("Commentary must be on an indicator, an objective or a priority.", nameof(subject));
        }

        var periodText = period?.ToString();
        var existing = await _db.Commentaries
            .Where(c => c.IndicatorId == subject.IndicatorId && c.ObjectiveId == subject.ObjectiveId
                        && c.PriorityId == subject.PriorityId && c.Period == periodText)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var now = _db.TimeProvider.GetUtcNow();
        if (existing is null)
        {
            existing = new Commentary
            {
                IndicatorId = subject.IndicatorId,
                ObjectiveId = subject.ObjectiveId,
                PriorityId = subject.PriorityId,
                Period = periodText,
                Markdown = markdown,
                Author = author,
                WrittenAt = now,
            };
            _db.Commentaries.Add(existing);
            Credit(existing, author, credit, review, now);
        }
        else if (existing.Markdown != markdown || existing.Review == ReviewState.Withdrawn)
        {
            existing.Markdown = markdown;
            existing.Author = author;
            existing.WrittenAt = now;
            Credit(existing, author, credit, review, now);
        }

        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return existing;
    }

    /// <summary>Every version of a commentary, oldest first, as (text, author, when).</summary>
    /// <param name="commentaryId">The commentary.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The versions.</returns>
    public async Task<IReadOnlyList<(string Markdown, string Author, DateTimeOffset WrittenAt)>> GetCommentaryHistoryAsync(
        int commentaryId, CancellationToken cancellationToken = default)
    {
        var current = await _db.Commentaries.AsNoTracking().SingleAsync(c => c.Id == commentaryId, cancellationToken).ConfigureAwait(false);
        var revisions = await _db.CommentaryRevisions.AsNoTracking().Where(r => r.CommentaryId == commentaryId)
            .OrderBy(r => r.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. revisions.Select(r => (r.Markdown, r.Author, r.WrittenAt)), (current.Markdown, current.Author, current.WrittenAt)];
    }

    private static void Credit(Commentary commentary, string author, CommentaryCredit? credit, ReviewState review, DateTimeOffset now)
    {
        commentary.AuthorName = string.IsNullOrWhiteSpace(credit?.Name) ? null : credit.Name.Trim();
        commentary.AuthorOrganisation = string.IsNullOrWhiteSpace(credit?.Organisation) ? null : credit.Organisation.Trim();
        commentary.Review = review;
        commentary.ReviewedBy = review == ReviewState.Approved ? author : null;
        commentary.ReviewedAt = review == ReviewState.Approved ? now : null;
    }

    internal Task<IndicatorValue?> FindAsync(int indicatorId, IndicatorValueInput input, CancellationToken cancellationToken)
    {
        var start = input.Period.FirstMonth.Index;
        return _db.IndicatorValues.SingleOrDefaultAsync(
            v => v.IndicatorId == indicatorId && v.AreaCode == input.AreaCode && v.PeriodKind == input.Period.Kind
                 && v.PeriodStart == start && v.CategoryType == input.CategoryType && v.Category == input.Category,
            cancellationToken);
    }

    /// <summary>Adds or updates the tracked value without saving; the caller has validated <paramref name="input"/>.</summary>
    internal ValueChange Stage(Indicator indicator, IndicatorValue? existing, IndicatorValueInput input, string enteredBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enteredBy);
        var value = IndicatorValueRules.EffectiveValue(indicator, input);
        var missing = value is null ? input.MissingReason?.Trim() : null;
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var now = _db.TimeProvider.GetUtcNow();
        if (existing is null)
        {
            var added = new IndicatorValue
            {
                IndicatorId = indicator.Id,
                Indicator = indicator,
                AreaCode = input.AreaCode,
                Period = input.Period,
                CategoryType = input.CategoryType,
                Category = input.Category,
                EnteredBy = enteredBy,
            };
            SetVersion(added, input, value, missing, note, enteredBy, now);
            _db.IndicatorValues.Add(added);
            return ValueChange.Added;
        }

        if (existing.Count == input.Count && existing.Denominator == input.Denominator && existing.Value == value
            && existing.Lower95 == input.Lower95 && existing.Upper95 == input.Upper95 && existing.Lower998 == input.Lower998
            && existing.Upper998 == input.Upper998 && existing.Status == input.Status && existing.MissingReason == missing
            && existing.Note == note && existing.Review != ReviewState.Withdrawn)
        {
            return ValueChange.Unchanged;
        }

        SetVersion(existing, input, value, missing, note, enteredBy, now);
        return ValueChange.Changed;
    }

    /// <summary>Sets the figures, who entered them and when, and their review state: the same for a new value and a changed one.</summary>
    private static void SetVersion(IndicatorValue target, IndicatorValueInput input, double? value, string? missing, string? note, string enteredBy, DateTimeOffset now)
    {
        target.Count = input.Count;
        target.Denominator = input.Denominator;
        target.Value = value;
        target.Lower95 = input.Lower95;
        target.Upper95 = input.Upper95;
        target.Lower998 = input.Lower998;
        target.Upper998 = input.Upper998;
        target.Status = input.Status;
        target.MissingReason = missing;
        target.Note = note;
        target.EnteredBy = enteredBy;
        target.EnteredAt = now;
        target.Review = input.Review;
        target.ReviewedBy = input.Review == ReviewState.Approved ? enteredBy : null;
        target.ReviewedAt = input.Review == ReviewState.Approved ? now : null;
    }
}

/// <summary>Who commentary is credited to: a person's name and organisation inside, the organisation alone in public.</summary>
/// <param name="Name">The person's name (e.g. "Chris Contributor"), never an e-mail address.</param>
/// <param name="Organisation">The organisation (e.g. "Refuge").</param>
public sealed record CommentaryCredit(string? Name, string? Organisation);

/// <summary>What a commentary is on: exactly one of an indicator, an objective or a priority.</summary>
public readonly record struct CommentarySubject
{
    private CommentarySubject(int? indicatorId, int? objectiveId, int? priorityId) =>
        (IndicatorId, ObjectiveId, PriorityId) = (indicatorId, objectiveId, priorityId);

    /// <summary>The indicator, if the commentary is on one.</summary>
    public int? IndicatorId { get; }

    /// <summary>The objective, if the commentary is on one.</summary>
    public int? ObjectiveId { get; }

    /// <summary>The priority, if the commentary is on one.</summary>
    public int? PriorityId { get; }

    /// <summary>Commentary on an indicator.</summary>
    /// <param name="id">The indicator's key.</param>
    /// <returns>The subject.</returns>
    public static CommentarySubject OnIndicator(int id) => new(id, null, null);

    /// <summary>Commentary on an objective.</summary>
    /// <param name="id">The objective's key.</param>
    /// <returns>The subject.</returns>
    public static CommentarySubject OnObjective(int id) => new(null, id, null);

    /// <summary>Commentary on a priority.</summary>
    /// <param name="id">The priority's key.</param>
    /// <returns>The subject.</returns>
    public static CommentarySubject OnPriority(int id) => new(null, null, id);
}

/// <summary>A breakdown of one indicator and period by one category type, with its total.</summary>
/// <param name="CategoryType">The category type, e.g. "Presenting substance".</param>
/// <param name="Total">The total row, when there is one.</param>
/// <param name="Categories">The category rows, by category name.</param>
public sealed record Breakdown(string CategoryType, IndicatorValue? Total, IReadOnlyList<IndicatorValue> Categories)
{
    /// <summary>The sum of the categories' counts; null when any category has no count.</summary>
    public double? SumOfCategoryCounts =>
        Categories.Count > 0 && Categories.All(c => c.Count is not null) ? Categories.Sum(c => c.Count!.Value) : null;

    /// <summary>
    /// True when the categories' counts add up to the total's count; false when they do not; null when either is
    /// unknown (a breakdown whose categories overlap is not expected to add up).
    /// </summary>
    public bool? TotalMatches => Total?.Count is { } total && SumOfCategoryCounts is { } sum ? Math.Abs(total - sum) < 1e-9 : null;
}
