using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.About;

/// <summary>The privacy page linked from every page's footer (GOV.UK pattern). Anyone.</summary>
[AllowAnonymous]
public sealed class PrivacyModel(IConfiguration configuration) : PageModel
{
    public ServiceOperator Operator { get; } = ServiceOperator.From(configuration);

    public void OnGet()
    {
    }
}
