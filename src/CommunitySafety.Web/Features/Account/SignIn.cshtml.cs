using CommunitySafety.Web.Infrastructure.Audit;
using CommunitySafety.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySafety.Web.Features.Account;

/// <summary>
/// Signing in with a local account (rate-limited; locked out after 5 failures), or through OpenID Connect when configured.
/// Every sign-in, failure and lockout is in the audit trail with the name typed and the client's address (never the password).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<WebUser> signIn, UserManager<WebUser> users, IPasswordHasher<WebUser> hasher, AuditLog audit, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    // The hash an unknown account's password is checked against, so that a name with no account costs the same work
    // (one PBKDF2 verification) as a real account with a wrong password, and the answer's timing does not tell them apart.
    private static string? _absentAccountHash;

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

        var email = Email!.Trim();
        var account = await users.FindByNameAsync(email);
        var wasLocked = account is not null && await users.IsLockedOutAsync(account);
        if (account is null)
        {
            var absent = new WebUser { UserName = email };
            _absentAccountHash ??= hasher.HashPassword(absent, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(absent, _absentAccountHash, Password!);
        }

        // The account found above is signed in (no second look-up); a name with no account fails as Identity's own would.
        var result = account is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password!, isPersistent: false, lockoutOnFailure: true);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in: {User}", Email);
            await audit.RecordSignInAsync(email, "Signed in", address, null);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            await audit.RecordSignInAsync(email, "Password accepted, code asked", address, null);
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = SafeReturnUrl() });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Locked out: {User}", Email);
            await audit.RecordSignInAsync(email, wasLocked ? "Sign-in refused: account locked" : "Account locked", address,
                account is { IsDisabled: true } ? "the account is disabled"
                    : wasLocked ? "the account was already locked" : "too many failed sign-ins");
            Errors.Add(("email", "This account is locked after too many failed attempts. Try again in 15 minutes."));
            return Page();
        }

        await audit.RecordSignInAsync(email, "Sign-in failed", address, account is null ? "no such account" : result.IsNotAllowed ? "not allowed" : "wrong password");
        Errors.Add(("email", "The email address or password is not right"));
        return Page();
    }

    public async Task<IActionResult> OnPostExternalAsync(string? scheme)
    {
        // Only a scheme the page offered: anything else (empty, forged) would make the challenge fail with a 500.
        var offered = await signIn.GetExternalAuthenticationSchemesAsync();
        if (string.IsNullOrEmpty(scheme) || !offered.Any(s => s.Name == scheme))
        {
            return BadRequest("Choose one of the sign-in options on the page.");
        }

        var properties = signIn.ConfigureExternalAuthenticationProperties(scheme, SafeReturnUrl());
        return Challenge(properties, scheme);
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard";
}
