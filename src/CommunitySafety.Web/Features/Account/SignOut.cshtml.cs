using CommunitySafety.Web.Infrastructure.Identity;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Account;

/// <summary>
/// Signing out (a POST with the anti-forgery token; the GET only shows the result). A local account gets a new security
/// stamp first, so every session of that account — this cookie, copies of it, other browsers, every instance — ends
/// (see <see cref="SessionCheck"/>).
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<WebUser> signIn, UserManager<WebUser> users, AuditLog audit, IAuthenticationSchemeProvider schemes) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordSignInAsync(user.UserName, "Signed out", HttpContext.Connection.RemoteIpAddress, "every session of the account ended");
        }

        await signIn.SignOutAsync();
        if (await schemes.GetSchemeAsync(AccountSetup.ExternalScheme) is not null)
        {
            await HttpContext.SignOutAsync(AccountSetup.ExternalScheme);
        }

        return RedirectToPage();
    }
}
