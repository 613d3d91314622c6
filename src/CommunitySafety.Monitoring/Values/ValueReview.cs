using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Values;

/// <summary>A draft waiting for review: a value or a commentary.</summary>
/// <param name="Kind">"Value" or "Commentary".</param>
/// <param name="Id">The value's or commentary's key.</param>
/// <param name="IndicatorCode">The indicator, when on one.</param>
/// <param name="IndicatorTitle">The indicator's title.</param>
/// <param name="Period">The period, as text.</param>
/// <param name="Text">The value (with count and denominator) or the commentary's text.</param>
/// <param name="EnteredBy">Who entered it.</param>
/// <param name="EnteredAt">When.</param>
/// <param name="Version">Its version (for a correction's concurrency check).</param>
public sealed record DraftEntry(
    string Kind, int Id, string? IndicatorCode, string? IndicatorTitle, string? Period, string Text, string EnteredBy, DateTimeOffset EnteredAt, int Version);

/// <summary>
/// Review before publication: an analyst approves, corrects or withdraws partners' draft values and commentary. A
/// correction is a new version (the store keeps the old one as a revision); approval and withdrawal change no figure, so
/// they stamp who and when on the row (the web app's audit trail records the action and the reason).
/// </summary>
/// <param name="db">The monitoring store.</param>
public sealed class ValueReview(MonitoringDbContext db)
{
    private readonly MonitoringDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    /// <summary>Every draft value and commentary, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The drafts.</returns>
    public async Task<IReadOnlyList<DraftEntry>> DraftsAsync(CancellationToken cancellationToken = default)
    {
        var values = await _db.IndicatorValues.AsNoTracking().Include(v => v.Indicator)
            .Where(v => v.Review == ReviewState.Draft).ToListAsync(cancellationToken).ConfigureAwait(false);
        var commentary = await _db.Commentaries.AsNoTracking().Where(c => c.Review == ReviewState.Draft).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = commentary.Where(c => c.IndicatorId is not null).Select(c => c.IndicatorId!.Value).Distinct().ToList();
        var indicators = await _db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken).ConfigureAwait(false);
        return
        [
            .. values.Select(v => new DraftEntry("Value", v.Id, v.Indicator?.Code, v.Indicator?.Title, v.Period.ToString(), Describe(v), v.EnteredBy, v.EnteredAt, v.Version))
                .Concat(commentary.Select(c =>
                {
                    var indicator = c.IndicatorId is { } id ? indicators.GetValueOrDefault(id) : null;
                    return new DraftEntry("Commentary", c.Id, indicator?.Code, indicator?.Title, c.Period, c.Markdown, c.Author, c.WrittenAt, c.Version);
                }))
                .OrderBy(d => d.EnteredAt).ThenBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Id),
        ];
    }

    /// <summary>Approves a value: it may now be published.</summary>
    /// <param name="valueId">The value.</param>
    /// <param name="reviewer">Who approves it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">No such value.</exception>
    public Task<IndicatorValue> ApproveValueAsync(int valueId, string reviewer, CancellationToken cancellationToken = default) =>
        SetValueAsync(valueId, ReviewState.Approved, reviewer, cancellationToken);

    /// <summary>Withdraws a value as wrong: it is kept in the history and used nowhere.</summary>
    /// <param name="valueId">The value.</param>
    /// <param name="reviewer">Who withdraws it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">No such value.</exception>
    public Task<IndicatorValue> WithdrawValueAsync(int valueId, string reviewer, CancellationToken cancellationToken = default) =>
        SetValueAsync(valueId, ReviewState.Withdrawn, reviewer, cancellationToken);

    /// <summary>
    /// Corrects a value: the corrected figures become a new, approved version entered by the reviewer; the store keeps
    /// the draft as a revision.
    /// </summary>
    /// <param name="valueId">The value.</param>
    /// <param name="count">The corrected count.</param>
    /// <param name="denominator">The corrected denominator.</param>
    /// <param name="value">The corrected value (worked out from the count when null).</param>
    /// <param name="reviewer">Who corrects it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The change.</returns>
    /// <exception cref="KeyNotFoundException">No such value.</exception>
    /// <exception cref="ArgumentException">The corrected value breaks a rule of <see cref="IndicatorValueRules"/>.</exception>
    public async Task<ValueChange> CorrectValueAsync(
        int valueId, double? count, double? denominator, double? value, string reviewer, CancellationToken cancellationToken = default)
    {
        var row = await _db.IndicatorValues.AsNoTracking().Include(v => v.Indicator).SingleOrDefaultAsync(v => v.Id == valueId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no value {valueId}.");
        var input = new IndicatorValueInput(row.Indicator!.Code, row.Period, row.AreaCode)
        {
            CategoryType = row.CategoryType,
            Category = row.Category,
            Count = count,
            Denominator = denominator,
            Value = value,
            Status = row.Status,
            Note = row.Note,
            Review = ReviewState.Approved,
            // The partner confirmed the period when entering it; the reviewer corrects figures, not the period.
            ConfirmedUnfinishedPeriod = true,
        };
        return await new IndicatorValueStore(_db).RecordAsync(input, reviewer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Approves a commentary.</summary>
    /// <param name="commentaryId">The commentary.</param>
    /// <param name="reviewer">Who approves it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The commentary.</returns>
    /// <exception cref="KeyNotFoundException">No such commentary.</exception>
    public Task<Commentary> ApproveCommentaryAsync(int commentaryId, string reviewer, CancellationToken cancellationToken = default) =>
        SetCommentaryAsync(commentaryId, ReviewState.Approved, reviewer, cancellationToken);

    /// <summary>Withdraws a commentary: kept in the history, published nowhere.</summary>
    /// <param name="commentaryId">The commentary.</param>
    /// <param name="reviewer">Who withdraws it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The commentary.</returns>
    /// <exception cref="KeyNotFoundException">No such commentary.</exception>
    public Task<Commentary> WithdrawCommentaryAsync(int commentaryId, string reviewer, CancellationToken cancellationToken = default) =>
        SetCommentaryAsync(commentaryId, ReviewState.Withdrawn, reviewer, cancellationToken);

    /// <summary>Corrects a commentary's text: a new, approved version; the draft is kept as a revision; the credit stays.</summary>
    /// <param name="commentaryId">The commentary.</param>
    /// <param name="markdown">The corrected text.</param>
    /// <param name="reviewer">Who corrects it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The commentary.</returns>
    /// <exception cref="KeyNotFoundException">No such commentary.</exception>
    public async Task<Commentary> CorrectCommentaryAsync(int commentaryId, string markdown, string reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(markdown);
        var row = await _db.Commentaries.SingleOrDefaultAsync(c => c.Id == commentaryId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no commentary {commentaryId}.");
        var now = _db.TimeProvider.GetUtcNow();
        row.Markdown = markdown.Trim();
        row.Author = reviewer;
        row.WrittenAt = now;
        row.Review = ReviewState.Approved;
        row.ReviewedBy = reviewer;
        row.ReviewedAt = now;
        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }

    private async Task<IndicatorValue> SetValueAsync(int valueId, ReviewState state, string reviewer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        var row = await _db.IndicatorValues.SingleOrDefaultAsync(v => v.Id == valueId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no value {valueId}.");
        row.Review = state;
        row.ReviewedBy = reviewer;
        row.ReviewedAt = _db.TimeProvider.GetUtcNow();
        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }

    private async Task<Commentary> SetCommentaryAsync(int commentaryId, ReviewState state, string reviewer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        var row = await _db.Commentaries.SingleOrDefaultAsync(c => c.Id == commentaryId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no commentary {commentaryId}.");
        row.Review = state;
        row.ReviewedBy = reviewer;
        row.ReviewedAt = _db.TimeProvider.GetUtcNow();
        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }

    private static string Describe(IndicatorValue v) => v.Value is { } x
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x:0.###}")
          + (v.Count is { } c ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (count {c:0.###}") + (v.Denominator is { } d ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" of {d:0.###})") : ")") : string.Empty)
        : "No value: " + v.MissingReason;
}
