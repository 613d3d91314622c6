using CommunitySafety.Web.Infrastructure.Identity;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySafety.Web.Features.Account;

/// <summary>The second step of signing in, for accounts with an authenticator app (TOTP); each outcome is in the audit trail (never the code).</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class TwoFactorModel(SignInManager<WebUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<(string Field, string Message)> Errors => Error is null ? [] : [("code", Error)];

    public bool Pending { get; private set; } = true;

    public async Task OnGetAsync() => Pending = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var digits = new string((code ?? string.Empty).Where(char.IsDigit).ToArray());
        if (digits.Length != 6)
        {
            Error = "Enter the 6-digit code from your authenticator app";
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (result.Succeeded)
        {
            await audit.RecordSignInAsync(user.UserName, "Signed in", address, "with an authenticator code");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard");
        }

        await audit.RecordSignInAsync(user.UserName, result.IsLockedOut ? "Account locked" : "Sign-in failed", address,
            result.IsLockedOut ? "too many failed sign-ins" : "wrong authenticator code");
        Error = result.IsLockedOut ? "This account is locked after too many failed attempts. Try again in 15 minutes." : "The code is not right";
        return Page();
    }
}
