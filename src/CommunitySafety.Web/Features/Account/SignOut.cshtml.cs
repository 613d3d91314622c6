using CommunitySafety.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Account;

/// <summary>Signing out (a POST with the anti-forgery token; the GET only shows the result).</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<WebUser> signIn, IAuthenticationSchemeProvider schemes) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        if (await schemes.GetSchemeAsync(AccountSetup.ExternalScheme) is not null)
        {
            await HttpContext.SignOutAsync(AccountSetup.ExternalScheme);
        }

        return RedirectToPage();
    }
}
