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

    /// <summary>The store's version stamp the details were read at: the page's HTML is kept under it (StampedHtmlTagHelper).</summary>
    public string? Stamp { get; private set; }

    /// <summary>The key of the page's HTML: the indicator and whether this user may enter its values (a button).</summary>
    public string HtmlKey => $"indicator:{Details?.Indicator.Code}:enter={MayEnter}";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Stamp = await query.StampAsync(cancellationToken);
        Details = await query.RunAsync(code, Stamp, cancellationToken);
        if (Details is null)
        {
            return NotFound();
        }

        MayEnter = User.MayEnter(Details.Indicator);
        return Page();
    }
}
