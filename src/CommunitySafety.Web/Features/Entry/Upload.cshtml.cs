using System.Globalization;
using CommunitySafety.Monitoring.Export;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.ValueImport;
using CommunitySafety.Periods;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Entry;

/// <summary>
/// Downloading a framework's Excel template and uploading it filled in. The import is all or nothing; a contributor's
/// file may change only their organisation's indicators (checked inside the transaction, which is rolled back if not).
/// </summary>
[Authorize(Policy = Policies.DataEntry)]
[RequestSizeLimit(RequestLimits.UploadBytes)]
public sealed class UploadModel(MonitoringDbContext db, FrameworkWorkbooks workbooks, IndicatorValueImporter importer, AuditLog audit, StoreTransaction transactions)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public List<(string Code, string Name)> Frameworks { get; } = [];

    public List<EntryError> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public ImportResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Frameworks.All(f => f.Code != Framework))
        {
            Errors.Add(new EntryError("framework", "Select a monitoring framework"));
            return Page();
        }

        ReportingPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (!ReportingPeriod.TryParse(Period.Trim(), CultureInfo.InvariantCulture, out var p))
            {
                Errors.Add(new EntryError("period", "Enter the period as a quarter, like Q1 2024/25, or a financial year, like 2024/25"));
                return Page();
            }

            period = p;
        }

        using var stream = new MemoryStream();
        await workbooks.WriteTemplateAsync(Framework!, stream, period, cancellationToken);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Framework}-template.xlsx");
    }

    /// <summary>The uploader's confirmation that figures for periods not yet ended are meant.</summary>
    [BindProperty]
    public bool ConfirmUnfinished { get; set; }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (file is null || file.Length == 0)
        {
            Errors.Add(new EntryError("file", "Select a completed template (.xlsx) or a CSV file"));
            return Page();
        }

        var name = Path.GetFileName(file.FileName);
        if (!name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            Errors.Add(new EntryError("file", $"{name}: the file must be an Excel workbook (.xlsx) or a CSV file"));
            return Page();
        }

        var area = await db.Partnerships.AsNoTracking().Select(p => p.AreaCode).FirstOrDefaultAsync(cancellationToken);
        var before = await db.IndicatorValues.AsNoTracking().Select(v => new { v.Id, v.Version }).ToDictionaryAsync(v => v.Id, v => v.Version, cancellationToken);
        await using var transaction = await transactions.BeginAsync(cancellationToken);
        await using (var stream = file.OpenReadStream())
        {
            Result = await importer.ImportAsync(stream, name, new ImportOptions(User.AuditName())
            {
                DefaultAreaCode = area,
                ConfirmUnfinishedPeriods = ConfirmUnfinished,
                // A partner's upload is a draft until an analyst approves it (the Review page).
                Review = User.IsAnalyst() ? ReviewState.Approved : ReviewState.Draft,
            }, cancellationToken);
        }

        if (!Result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            Errors.AddRange(Result.Errors.Take(50).Select(e => new EntryError("file", e.ToString())));
            return Page();
        }

        var after = await db.IndicatorValues.AsNoTracking().Select(v => new { v.Id, v.Version, v.IndicatorId }).ToListAsync(cancellationToken);
        var touched = after.Where(v => !before.TryGetValue(v.Id, out var version) || version != v.Version).Select(v => v.IndicatorId).ToHashSet();
        var indicators = await db.Indicators.AsNoTracking().Where(i => touched.Contains(i.Id)).ToListAsync(cancellationToken);
        var notMine = indicators.Where(i => !User.MayEnter(i)).Select(i => i.Code).OrderBy(c => c, StringComparer.Ordinal).ToList();
        if (notMine.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            Errors.Add(new EntryError("file", $"The file has figures for indicators your organisation does not supply: {string.Join(", ", notMine)}. Nothing was imported."));
            Result = null;
            return Page();
        }

        await audit.RecordAsync(User, "Template uploaded", "Indicator values", name, null,
            new { Result.Added, Result.Changed, Result.Unchanged, Indicators = indicators.Select(i => i.Code).OrderBy(c => c, StringComparer.Ordinal) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Warnings.AddRange(Result.Warnings.Take(50).Select(w => w.ToString()));
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Indicators).OrderBy(f => f.Code).ToListAsync(cancellationToken);
        Frameworks.AddRange(frameworks.Where(f => f.Indicators.Any(User.MayEnter)).Select(f => (f.Code, f.Name)));
    }
}
