using System.Globalization;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Review;

/// <summary>
/// Review before publication: analysts see partners' draft values and commentary, approve, correct or withdraw them
/// (each in the audit trail with before and after), and the pre-publication check of figures quoted in commentary.
/// </summary>
[Authorize(Policy = Policies.Analysis)]
public sealed class IndexModel(MonitoringDbContext db, AuditLog audit, StoreTransaction transactions) : PageModel
{
    public IReadOnlyList<DraftEntry> Drafts { get; private set; } = [];

    public IReadOnlyList<CommentaryMismatch> Mismatches { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(string? kind, int id, CancellationToken cancellationToken) =>
        ActAsync(kind, id, "approved", async review => kind == "Value"
            ? Describe(await review.ApproveValueAsync(id, User.AuditName(), cancellationToken))
            : Describe(await review.ApproveCommentaryAsync(id, User.AuditName(), cancellationToken)), null, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string? kind, int id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(kind, id, "withdrawn", async review => kind == "Value"
            ? Describe(await review.WithdrawValueAsync(id, User.AuditName(), cancellationToken))
            : Describe(await review.WithdrawCommentaryAsync(id, User.AuditName(), cancellationToken)), reason, cancellationToken);

    public Task<IActionResult> OnPostCorrectAsync(
        string? kind, int id, string? count, string? denominator, string? value, string? markdown, CancellationToken cancellationToken)
    {
        if (kind == "Commentary" && string.IsNullOrWhiteSpace(markdown))
        {
            return Task.FromResult(BadRequestPage("Give the corrected commentary."));
        }

        double? Parse(string? text) => string.IsNullOrWhiteSpace(text) ? null
            : double.TryParse(text.Trim().TrimEnd('%').Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.GetCultureInfo("en-GB"), out var n) && double.IsFinite(n) ? n : double.NaN;
        var (c, d, v) = (Parse(count), Parse(denominator), Parse(value));
        if (kind == "Value" && (c is double.NaN || d is double.NaN || v is double.NaN))
        {
            return Task.FromResult(BadRequestPage("The count, denominator and value must be numbers, like 42 or 12.5."));
        }

        return ActAsync(kind, id, "corrected", async review =>
        {
            if (kind == "Value")
            {
                await review.CorrectValueAsync(id, c, d, v, User.AuditName(), cancellationToken);
                return Describe(await db.IndicatorValues.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken));
            }

            return Describe(await review.CorrectCommentaryAsync(id, markdown!, User.AuditName(), cancellationToken));
        }, null, cancellationToken);
    }

    private async Task<IActionResult> ActAsync(string? kind, int id, string verb, Func<ValueReview, Task<object>> act, string? reason, CancellationToken cancellationToken)
    {
        if (kind is not ("Value" or "Commentary"))
        {
            return BadRequestPage("Say whether a value or a commentary is reviewed.");
        }

        await using var transaction = await transactions.BeginAsync(cancellationToken);
        object before;
        try
        {
            before = kind == "Value"
                ? Describe(await db.IndicatorValues.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken))
                : Describe(await db.Commentaries.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken));
        }
        catch (InvalidOperationException)
        {
            return BadRequestPage($"There is no {kind.ToLowerInvariant()} {id}: it may have been reviewed by someone else. Nothing was changed.");
        }

        object after;
        try
        {
            after = await act(new ValueReview(db));
        }
        catch (ArgumentException e)
        {
            return BadRequestPage(e.Message);
        }
        catch (KeyNotFoundException e)
        {
            return BadRequestPage(e.Message);
        }

        var label = kind == "Value" ? "Indicator value" : "Commentary";
        await audit.RecordAsync(User, $"{label} {verb}", label, $"{kind} {id}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason.Trim()}"), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage(new { done = verb });
    }

    private IActionResult BadRequestPage(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Drafts = [];
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Drafts = await new ValueReview(db).DraftsAsync(cancellationToken);
        Mismatches = await CommentaryCheck.PrePublicationAsync(db, cancellationToken: cancellationToken);
        Message = Done is { Length: > 0 } d ? $"The entry was {d}." : null;
    }

    private static object Describe(IndicatorValue v) =>
        new { v.Id, Period = v.Period.ToString(), v.AreaCode, v.Value, v.Count, v.Denominator, v.MissingReason, Review = v.Review.ToString(), v.EnteredBy, v.Version };

    private static object Describe(Commentary c) =>
        new { c.Id, c.Period, c.Markdown, Review = c.Review.ToString(), c.Author, c.Version };
}
