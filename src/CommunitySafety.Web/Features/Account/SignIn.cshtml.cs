using CommunitySafety.Web.Infrastructure.Identity;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySafety.Web.Features.Account;

/// <summary>
/// Signing in with a local account (rate-limited per address; a doubling wait per network after failures, never an
/// account lockout; the same work and answer for accounts that do not exist), or through OpenID Connect when configured.
/// Every sign-in, failure and lockout is in the audit trail with the name typed and the client's address (never the password).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class SignInModel(
    SignInManager<WebUser> signIn, UserManager<WebUser> users, IPasswordHasher<WebUser> hasher, SignInThrottle throttle, AuditLog audit, ILogger<SignInModel> logger) : PageModel
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
        var address = HttpContext.Connection.RemoteIpAddress;

        // Too many failures from this network: refused before any look-up, by network and name only, so the answer is
        // the same whether or not the account exists, and nobody elsewhere is slowed.
        var wait = throttle.WaitBefore(address, email);
        if (wait > TimeSpan.Zero)
        {
            await audit.RecordSignInAsync(email, "Sign-in refused: too many attempts", address, "wait " + SignInThrottle.Words(wait));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Errors.Add(("email", $"Too many failed sign-ins from your network. Wait {SignInThrottle.Words(wait)}, then try again."));
            return Page();
        }

        // One password hash verification whatever the account: none (a throw-away hash), locked or disabled (its own
        // hash, the result unused), or open (Identity's sign-in). Failures never lock an account (SignInThrottle instead).
        var account = await users.FindByNameAsync(email);
        Microsoft.AspNetCore.Identity.SignInResult result;
        string? refusal = null;
        if (account is null || account.PasswordHash is null)
        {
            var absent = account ?? new WebUser { UserName = email };
            _absentAccountHash ??= hasher.HashPassword(absent, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(absent, _absentAccountHash, Password!);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else if (await users.IsLockedOutAsync(account))
        {
            var right = hasher.VerifyHashedPassword(account, account.PasswordHash, Password!) != PasswordVerificationResult.Failed;
            refusal = (account.IsDisabled ? "the account is disabled" : "the account is locked") + (right ? ", password right" : ", wrong password");
            result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(account, Password!, isPersistent: false, lockoutOnFailure: false);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Signed in: {User}", Email);
            throttle.Succeeded(address, email);
            await audit.RecordSignInAsync(email, "Signed in", address, null);
            return LocalRedirect(await MustChangeAsync(account!) ? PasswordChangeRequired.ChangePath : SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            throttle.Succeeded(address, email);
            await audit.RecordSignInAsync(email, "Password accepted, code asked", address, null);
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = SafeReturnUrl() });
        }

        throttle.Failed(address, email);
        await audit.RecordSignInAsync(email, refusal is null ? "Sign-in failed" : "Sign-in refused: account locked", address,
            refusal ?? (account is null ? "no such account" : result.IsNotAllowed ? "not allowed" : "wrong password"));

        // The same answer for every failure: a wrong password, no such account, a locked or disabled account.
        Errors.Add(("email", "The email address or password is not right"));
        return Page();
    }

    private async Task<bool> MustChangeAsync(WebUser account) =>
        (await users.GetClaimsAsync(account)).Any(c => c.Type == PasswordChangeRequired.ClaimType);

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
