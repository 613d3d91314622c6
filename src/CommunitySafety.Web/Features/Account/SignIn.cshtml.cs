using CommunitySafety.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySafety.Web.Features.Account;

/// <summary>Signing in with a local account (rate-limited; locked out after 5 failures), or through OpenID Connect when configured.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<WebUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public IReadOnlyList<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    public async Task OnGetAsync() => ExternalSchemes = [.. await signIn.GetExternalAuthenticationSchemesAsync()];

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSchemes = [.. await signIn.GetExternalAuthenticationSchemesAsync()];
        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors.Add(("email", "Enter your email address"));
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(("password", "Enter your password"));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in: {User}", Email);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = SafeReturnUrl() });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Locked out: {User}", Email);
            Errors.Add(("email", "This account is locked after too many failed attempts. Try again in 15 minutes."));
            return Page();
        }

        Errors.Add(("email", "The email address or password is not right"));
        return Page();
    }

    public IActionResult OnPostExternal(string scheme)
    {
        var properties = signIn.ConfigureExternalAuthenticationProperties(scheme, SafeReturnUrl());
        return Challenge(properties, scheme);
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard";
}
