using System.Text.Encodings.Web;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Account;

/// <summary>Turning two-factor authentication (TOTP) on and off for one's own local account. Any signed-in person.</summary>
public sealed class SecurityModel(UserManager<WebUser> users, SignInManager<WebUser> signIn, AuditLog audit) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }

    public bool External { get; private set; }

    public string? SharedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    public string? Message { get; private set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        var digits = new string((code ?? string.Empty).Where(char.IsDigit).ToArray());
        if (digits.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            Errors.Add(("code", "Enter the 6-digit code your authenticator app shows now"));
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(User, "Two-factor authentication turned on", "User", user.UserName!, new { TwoFactor = false }, new { TwoFactor = true });
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        Message = "Two-factor authentication is on";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(User, "Two-factor authentication turned off", "User", user.UserName!, new { TwoFactor = true }, new { TwoFactor = false });
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        Message = "Two-factor authentication is off";
        return Page();
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            External = true;
            return;
        }

        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key gives the account a new security stamp, which ends its sessions (SessionCheck): this one is
            // given a cookie with the new stamp so the person stays signed in here.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = key;
        AuthenticatorUri = $"otpauth://totp/{UrlEncoder.Default.Encode("Community Safety")}:{UrlEncoder.Default.Encode(user.Email ?? user.UserName!)}?secret={key}&issuer={UrlEncoder.Default.Encode("Community Safety")}&digits=6";
    }
}
