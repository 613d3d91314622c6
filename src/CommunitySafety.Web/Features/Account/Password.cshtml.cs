using CommunitySafety.Web.Infrastructure.Identity;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Account;

/// <summary>
/// Changing one's own password (local accounts): the current password, then the new one twice. The change renews the
/// account's security stamp, so every other session of the account ends on every instance (SessionCheck) while this one
/// is given a new cookie; a temporary password set by an administrator must be changed here before anything else
/// (<see cref="PasswordChangeRequired"/>). In the audit trail. Any signed-in person.
/// </summary>
public sealed class PasswordModel(UserManager<WebUser> users, SignInManager<WebUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool External { get; private set; }

    public bool MustChange { get; private set; }

    public bool Changed { get; private set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    public async Task OnGetAsync()
    {
        External = await users.GetUserAsync(User) is null;
        MustChange = User.MustChangePassword();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            External = true;
            return Page();
        }

        MustChange = User.MustChangePassword();
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            Errors.Add(("current-password", MustChange ? "Enter the temporary password you signed in with" : "Enter your current password"));
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            Errors.Add(("new-password", "Enter a new password of at least 12 characters"));
        }
        else if (NewPassword != ConfirmPassword)
        {
            Errors.Add(("confirm-password", "Enter the same new password twice"));
        }
        else if (NewPassword == CurrentPassword)
        {
            Errors.Add(("new-password", "Choose a new password that is not the same as the current one"));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                Errors.Add(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? ("current-password", "Your current password is not right")
                    : ("new-password", e.Description));
            }

            await audit.RecordAsync(User, "Password change refused", "User", user.UserName!, null,
                new { Reason = string.Join(" ", result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "current password not right" : "new password too weak")) });
            return Page();
        }

        var flags = (await users.GetClaimsAsync(user)).Where(c => c.Type == PasswordChangeRequired.ClaimType).ToList();
        if (flags.Count > 0)
        {
            await users.RemoveClaimsAsync(user, flags);
        }

        // ChangePasswordAsync gave the account a new stamp: other sessions end, this one gets a cookie with the new stamp.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(User, "Password changed", "User", user.UserName!, null,
            new { Sessions = "other sessions ended", Temporary = flags.Count > 0 ? "temporary password replaced" : null });
        Changed = true;
        MustChange = false;
        return Page();
    }
}
