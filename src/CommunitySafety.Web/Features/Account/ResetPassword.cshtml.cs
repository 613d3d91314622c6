using CommunitySafety.Web.Infrastructure.Identity;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySafety.Web.Features.Account;

/// <summary>
/// Choosing a new password through the one-time link an administrator made (Admin/Users, "one-time link"). The link
/// carries Identity's password-reset token, which is bound to the account's security stamp: setting the password renews
/// the stamp, so the link works once, and not after any later sign-out, role change or reset; it also expires after a day.
/// A link that does not work gets one answer, whatever the reason. In the audit trail. Anyone with the link.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class ResetPasswordModel(UserManager<WebUser> users, AuditLog audit) : PageModel
{
    /// <summary>The answer for a link that does not work.</summary>
    public const string LinkNotWorking = "This link has been used or has expired. Ask your administrator for a new one.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    public void OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token))
        {
            Errors.Add(("new-password", LinkNotWorking));
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(NewPassword))
        {
            Errors.Add(("new-password", "Enter a new password of at least 12 characters"));
        }
        else if (NewPassword != ConfirmPassword)
        {
            Errors.Add(("confirm-password", "Enter the same new password twice"));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token) || user.IsDisabled)
        {
            Errors.Add(("new-password", LinkNotWorking));
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token, NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                await audit.RecordAsync(user.UserName!, "Password link refused", "User", user.UserName!, null, new { Reason = "link used, expired or replaced" });
                Errors.Add(("new-password", LinkNotWorking));
            }
            else
            {
                Errors.AddRange(result.Errors.Select(e => ("new-password", e.Description)));
            }

            return Page();
        }

        var flags = (await users.GetClaimsAsync(user)).Where(c => c.Type == PasswordChangeRequired.ClaimType).ToList();
        if (flags.Count > 0)
        {
            await users.RemoveClaimsAsync(user, flags);
        }

        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(user.UserName!, "Password set with a one-time link", "User", user.UserName!, null, new { Sessions = "ended", Link = "used" });
        Done = true;
        return Page();
    }
}
