using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Web.Infrastructure;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Entry;

/// <summary>
/// The data entry form of one framework and period: values and commentary for the indicators the person may enter
/// (a contributor: their organisation's), saved as a draft or submitted to the monitoring store.
/// </summary>
[Authorize(Policy = Policies.DataEntry)]
public sealed class FormModel(MonitoringDbContext db, IndicatorValueStore store, WebDbContext web, AuditLog audit, StoreTransaction transactions, TimeProvider time)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public List<EntryRow> Rows { get; set; } = [];

    [BindProperty]
    public string Status { get; set; } = nameof(ValueStatus.Provisional);

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The partner's confirmation that figures for a period not yet ended are meant (<see cref="ReportingPeriodRule"/>).</summary>
    [BindProperty]
    public bool ConfirmUnfinished { get; set; }

    /// <summary>True when the period has not ended: the form asks for the confirmation.</summary>
    public bool PeriodUnfinished { get; private set; }

    /// <summary>Each indicator's previous period's value and the same period last year's, as text for the hint beside its inputs.</summary>
    public Dictionary<string, (string Previous, string LastYear)> Earlier { get; } = new(StringComparer.Ordinal);

    /// <summary>On the confirmation page: what is now stored for the period, per indicator.</summary>
    public List<(Indicator Indicator, IndicatorValue? Value, Commentary? Commentary)> Stored { get; } = [];

    /// <summary>On the confirmation page: figures quoted in the commentary that do not match the data.</summary>
    public List<CommentaryMismatch> Mismatches { get; } = [];

    public MonitoringFramework? FrameworkEntity { get; private set; }

    public ReportingPeriod ParsedPeriod { get; private set; }

    public List<Indicator> Indicators { get; private set; } = [];

    public List<EntryError> Errors { get; } = [];

    public DateTimeOffset? DraftSavedAt { get; private set; }

    public string? ErrorFor(string id) => Errors.FirstOrDefault(e => e.FieldId == id)?.Message;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } problem)
        {
            return problem;
        }

        if (Done == "submitted")
        {
            await LoadConfirmationAsync(cancellationToken);
            return Page();
        }

        var draft = await FindDraftAsync(cancellationToken);
        if (draft is not null)
        {
            var saved = JsonSerializer.Deserialize<DraftContent>(draft.Json);
            Rows = saved?.Rows ?? [];
            Status = saved?.Status ?? Status;
            DraftSavedAt = draft.SavedAt;
        }
        else
        {
            Rows = await CurrentRowsAsync(cancellationToken);
        }

        Rows = [.. Indicators.Select(i => Rows.FirstOrDefault(r => r.Code == i.Code) ?? new EntryRow { Code = i.Code })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } problem)
        {
            return problem;
        }

        // A post with nothing the person may enter (forged, or the plan changed under the form) is answered, never a 500.
        if (Indicators.Count == 0)
        {
            Errors.Add(new EntryError("entry", $"There are no indicators in this framework that you can enter for {Period}: nothing was saved."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Rows.Any(r => string.IsNullOrEmpty(r.Code)))
        {
            Errors.Add(new EntryError("entry", "A row of the form names no indicator: go back, reload the form and try again. Nothing was saved."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Rows = [.. Indicators.Select(i => new EntryRow { Code = i.Code })];
            return Page();
        }

        // Every posted row must be an indicator of this form the person may enter: the server decides, not the form.
        var allowed = Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        if (Rows.Any(r => !allowed.ContainsKey(r.Code)))
        {
            return Forbid();
        }

        Rows = [.. Indicators.Select(i => Rows.FirstOrDefault(r => r.Code == i.Code) ?? new EntryRow { Code = i.Code })];
        if (action == "draft")
        {
            await SaveDraftAsync(cancellationToken);
            return RedirectToPage(new { framework = Framework, period = Period, done = "draft" });
        }

        var status = Enum.TryParse<ValueStatus>(Status, out var s) && s != ValueStatus.Revised ? s : ValueStatus.Provisional;
        var area = FrameworkEntity!.Strategy!.Plan!.Partnership!.AreaCode;
        var inputs = new List<(Indicator Indicator, EntryRow Row, IndicatorValueInput? Input)>();
        foreach (var row in Rows.Where(r => !r.IsEmpty))
        {
            var indicator = allowed[row.Code];
            var areaCode = indicator.ReportingAreaCode ?? area;
            inputs.Add((indicator, row, row.HasFigures
                ? EntryRules.ToInput(indicator, row, ParsedPeriod, areaCode, status, Errors, time.GetUtcNow(), ConfirmUnfinished, Review)
                : null));
        }

        if (inputs.Count == 0)
        {
            Errors.Add(new EntryError(EntryRules.Id(Indicators[0].Code, "value"), "Enter at least one value or commentary"));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        // Every row, its audit entries and the removal of the draft in one transaction: all stored, or none.
        await using var transaction = await transactions.BeginAsync(cancellationToken);
        var user = User.AuditName();
        foreach (var (indicator, row, input) in inputs)
        {
            if (input is not null)
            {
                var before = await db.IndicatorValues.AsNoTracking()
                    .Where(v => v.IndicatorId == indicator.Id && v.AreaCode == input.AreaCode && v.PeriodKind == input.Period.Kind
                                && v.PeriodStart == input.Period.FirstMonth.Index && v.CategoryType == string.Empty)
                    .Select(v => new { v.Value, v.Count, v.Denominator, v.MissingReason, v.Status, v.Version })
                    .SingleOrDefaultAsync(cancellationToken);
                var change = await store.RecordAsync(input, user, cancellationToken);
                if (change != ValueChange.Unchanged)
                {
                    var after = new { Value = IndicatorValueRules.EffectiveValue(indicator, input), input.Count, input.Denominator, input.MissingReason, input.Status };
                    await audit.RecordAsync(User, change == ValueChange.Added ? "Value submitted" : "Value changed", "Indicator value",
                        $"{indicator.Code} {ParsedPeriod} {input.AreaCode}", before, after, cancellationToken);
                }
            }

            if (!string.IsNullOrWhiteSpace(row.Commentary))
            {
                var text = row.Commentary.Trim();
                var periodText = ParsedPeriod.ToString();
                var existing = await db.Commentaries.AsNoTracking()
                    .Where(c => c.IndicatorId == indicator.Id && c.Period == periodText).Select(c => c.Markdown).SingleOrDefaultAsync(cancellationToken);
                if (existing != text)
                {
                    await store.WriteCommentaryAsync(CommentarySubject.OnIndicator(indicator.Id), ParsedPeriod, text, user,
                        new CommentaryCredit(User.DisplayName(), User.Organisation() ?? indicator.OwnerOrganisation), Review, cancellationToken);
                    await audit.RecordAsync(User, existing is null ? "Commentary written" : "Commentary changed", "Commentary",
                        $"{indicator.Code} {ParsedPeriod}", existing is null ? null : new { Markdown = existing }, new { Markdown = text }, cancellationToken);
                }
            }
        }

        if (await FindDraftAsync(cancellationToken) is { } draft)
        {
            web.EntryDrafts.Remove(draft);
            await web.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage(new { framework = Framework, period = Period, done = "submitted" });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Framework) || !ReportingPeriod.TryParse(Period, CultureInfo.InvariantCulture, out var period))
        {
            return RedirectToPage("/Entry/Index", new { framework = Framework, period = Period, check = 1 });
        }

        FrameworkEntity = await db.Frameworks.AsNoTracking()
            .Include(f => f.Strategy).ThenInclude(s => s!.Plan).ThenInclude(p => p!.Partnership)
            .Include(f => f.Indicators)
            .SingleOrDefaultAsync(f => f.Code == Framework, cancellationToken);
        if (FrameworkEntity is null)
        {
            return NotFound();
        }

        ParsedPeriod = period;
        Period = period.ToString();
        PeriodUnfinished = ReportingPeriodRule.IsUnfinished(period, time.GetUtcNow());
        Indicators = [.. FrameworkEntity.Indicators.Where(i => i.PeriodKind == period.Kind && User.MayEnter(i)).OrderBy(i => i.Order).ThenBy(i => i.Code, StringComparer.Ordinal)];
        await LoadEarlierAsync(cancellationToken);
        return null;
    }

    /// <summary>A partner's entry is a draft until an analyst approves it; an analyst's own entry is approved as entered.</summary>
    private ReviewState Review => User.IsAnalyst() ? ReviewState.Approved : ReviewState.Draft;

    private async Task LoadEarlierAsync(CancellationToken cancellationToken)
    {
        var ids = Indicators.Select(i => i.Id).ToList();
        var (previous, lastYear) = (ParsedPeriod.Previous.FirstMonth.Index, ParsedPeriod.SamePeriodLastYear.FirstMonth.Index);
        var kind = ParsedPeriod.Kind;
        var rows = await db.IndicatorValues.AsNoTracking().InScope(ValueScope.Working)
            .Where(v => ids.Contains(v.IndicatorId) && v.PeriodKind == kind && v.CategoryType == string.Empty && (v.PeriodStart == previous || v.PeriodStart == lastYear))
            .ToListAsync(cancellationToken);
        foreach (var i in Indicators)
        {
            var area = i.ReportingAreaCode ?? FrameworkEntity!.Strategy!.Plan!.Partnership!.AreaCode;
            string Text(int start, ReportingPeriod p) => rows.FirstOrDefault(v => v.IndicatorId == i.Id && v.AreaCode == area && v.PeriodStart == start) is { } v
                ? $"{p}: {(v.Value is { } x ? Display.Value(x, i.ValueType, i.Multiplier) : "no value (" + v.MissingReason + ")")}{(v.Review == ReviewState.Draft ? " (draft)" : string.Empty)}"
                : $"{p}: nothing recorded";
            Earlier[i.Code] = (Text(previous, ParsedPeriod.Previous), Text(lastYear, ParsedPeriod.SamePeriodLastYear));
        }
    }

    private async Task LoadConfirmationAsync(CancellationToken cancellationToken)
    {
        var ids = Indicators.Select(i => i.Id).ToList();
        var start = ParsedPeriod.FirstMonth.Index;
        var kind = ParsedPeriod.Kind;
        var periodText = ParsedPeriod.ToString();
        var values = await db.IndicatorValues.AsNoTracking().InScope(ValueScope.Working)
            .Where(v => ids.Contains(v.IndicatorId) && v.PeriodKind == kind && v.PeriodStart == start && v.CategoryType == string.Empty).ToListAsync(cancellationToken);
        var commentary = await db.Commentaries.AsNoTracking().InScope(ValueScope.Working)
            .Where(c => c.IndicatorId != null && ids.Contains(c.IndicatorId.Value) && c.Period == periodText).ToListAsync(cancellationToken);
        foreach (var i in Indicators)
        {
            var c = commentary.FirstOrDefault(x => x.IndicatorId == i.Id);
            Stored.Add((i, values.FirstOrDefault(v => v.IndicatorId == i.Id), c));
            if (c is not null)
            {
                Mismatches.AddRange(await CommentaryCheck.CheckAsync(db, i.Code, ParsedPeriod, c.Markdown, cancellationToken));
            }
        }
    }

    private async Task<List<EntryRow>> CurrentRowsAsync(CancellationToken cancellationToken)
    {
        var ids = Indicators.Select(i => i.Id).ToList();
        var start = ParsedPeriod.FirstMonth.Index;
        var kind = ParsedPeriod.Kind;
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.PeriodKind == kind && v.PeriodStart == start && v.CategoryType == string.Empty)
            .ToListAsync(cancellationToken);
        var periodText = ParsedPeriod.ToString();
        var commentary = await db.Commentaries.AsNoTracking().Where(c => c.IndicatorId != null && ids.Contains(c.IndicatorId.Value) && c.Period == periodText)
            .ToListAsync(cancellationToken);
        return [.. Indicators.Select(i =>
        {
            var v = values.FirstOrDefault(x => x.IndicatorId == i.Id);
            return new EntryRow
            {
                Code = i.Code,
                Count = v?.Count?.ToString(CultureInfo.InvariantCulture),
                Denominator = v?.Denominator?.ToString(CultureInfo.InvariantCulture),
                Value = v is { Value: { } x } && i.ValueType is not IndicatorValueType.Count && (v.Count is null || v.Denominator is null) ? x.ToString(CultureInfo.InvariantCulture) : null,
                MissingReason = v?.MissingReason,
                Commentary = commentary.FirstOrDefault(c => c.IndicatorId == i.Id)?.Markdown,
            };
        })];
    }

    private Task<EntryDraft?> FindDraftAsync(CancellationToken cancellationToken)
    {
        var userId = UserId(User);
        var period = ParsedPeriod.ToString();
        return web.EntryDrafts.SingleOrDefaultAsync(d => d.UserId == userId && d.FrameworkCode == Framework && d.Period == period, cancellationToken);
    }

    private async Task SaveDraftAsync(CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new DraftContent(Rows, Status));
        await using var transaction = await transactions.BeginAsync(cancellationToken);
        var draft = await FindDraftAsync(cancellationToken);
        if (draft is null)
        {
            web.EntryDrafts.Add(new EntryDraft { UserId = UserId(User), FrameworkCode = Framework!, Period = ParsedPeriod.ToString(), Json = json, SavedAt = time.GetUtcNow() });
        }
        else
        {
            draft.Json = json;
            draft.SavedAt = time.GetUtcNow();
        }

        await web.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(User, "Draft saved", "Data entry draft", $"{Framework} {ParsedPeriod}", null, new { Rows = Rows.Count(r => !r.IsEmpty) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.AuditName();

    private sealed record DraftContent(List<EntryRow> Rows, string Status);
}
