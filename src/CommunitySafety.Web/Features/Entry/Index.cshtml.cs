using System.Globalization;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Periods;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Entry;

/// <summary>Choosing a framework and period to enter figures for.</summary>
[Authorize(Policy = Policies.DataEntry)]
public sealed class IndexModel(MonitoringDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Check { get; set; }

    public List<(string Code, string Name, int Indicators)> Frameworks { get; } = [];

    public List<EntryError> Errors { get; } = [];

    /// <summary>The quarter now due: the last quarter that has ended (pre-selected in the form).</summary>
    public ReportingPeriod DuePeriod { get; private set; }

    /// <summary>The last financial quarter that has ended at <paramref name="now"/>: the one partners are asked for.</summary>
    /// <param name="now">Now.</param>
    /// <returns>The quarter.</returns>
    public static ReportingPeriod Due(DateTimeOffset now) =>
        ReportingPeriod.OfQuarter(YearMonth.Of(now.UtcDateTime).FinancialQuarter).Previous;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Indicators).OrderBy(f => f.Code).ToListAsync(cancellationToken);
        foreach (var f in frameworks)
        {
            var mine = f.Indicators.Count(User.MayEnter);
            if (mine > 0)
            {
                Frameworks.Add((f.Code, f.Name, mine));
            }
        }

        DuePeriod = Due(time.GetUtcNow());
        if (Check is null)
        {
            Period ??= DuePeriod.ToString();
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Framework) || Frameworks.All(f => f.Code != Framework))
        {
            Errors.Add(new EntryError("framework", "Select a monitoring framework"));
        }

        if (string.IsNullOrWhiteSpace(Period))
        {
            Errors.Add(new EntryError("period", "Enter a period, like Q1 2024/25 or 2024/25"));
        }
        else if (!ReportingPeriod.TryParse(Period.Trim(), CultureInfo.InvariantCulture, out _))
        {
            Errors.Add(new EntryError("period", "Enter the period as a quarter, like Q1 2024/25, or a financial year, like 2024/25"));
        }

        return Errors.Count > 0 ? Page() : RedirectToPage("/Entry/Form", new { framework = Framework, period = Period!.Trim() });
    }
}
