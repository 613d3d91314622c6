using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Indicators;

/// <summary>One indicator: latest judgement, values over time with limits, benchmark, commentary history, downloads.</summary>
[Authorize(Policy = Policies.Internal)]
public sealed class DetailsModel(IndicatorQuery query) : PageModel
{
    public IndicatorDetails? Details { get; private set; }

    public bool MayEnter { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Details = await query.RunAsync(code, cancellationToken);
        if (Details is null)
        {
            return NotFound();
        }

        MayEnter = User.MayEnter(Details.Indicator);
        return Page();
    }
}
