using CommunitySafety.Web.Infrastructure.Identity;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Features.Admin;

/// <summary>
/// Users, their roles and organisations; creating accounts, unlocking, disabling and re-enabling them, changing their
/// role and resetting their password (a temporary one to be changed, or a one-time link). Disabling, a role change and a
/// reset renew the account's security stamp, so its sessions end on every instance
/// (SessionCheck). An administrator cannot disable, reset or change the role of their own account. Administrators only.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class UsersModel(UserManager<WebUser> users, AuditLog audit) : PageModel
{
    public List<(WebUser User, IList<string> Roles)> People { get; } = [];

    public List<(string Field, string Message)> Errors { get; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>What a password reset just made, shown once to the administrator: for whom, and the password or link.</summary>
    public (string Email, string? Password, string? Link)? Reset { get; private set; }

    /// <summary>The signed-in administrator's own account id (their own row offers no disable, reset or role change).</summary>
    public string? OwnId => users.GetUserId(User);

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>
    /// Resets another person's password, ending their sessions on every instance. <c>mode=temporary</c>: a new password
    /// shown once here, which the person must change when they next sign in (<see cref="PasswordChangeRequired"/>);
    /// <c>mode=link</c>: the old password stops working and a one-time link (valid a day) lets the person choose their own.
    /// </summary>
    /// <param name="id">The account.</param>
    /// <param name="mode">"temporary" or "link".</param>
    /// <returns>The page with the password or link.</returns>
    public async Task<IActionResult> OnPostResetAsync(string? id, string? mode)
    {
        if (await OtherAccountAsync(id) is not { } user)
        {
            return await RefusedAsync("Choose another person's account to reset: change your own password on your account page.");
        }

        if (mode is not ("temporary" or "link"))
        {
            return await RefusedAsync("Choose how to reset the password: a temporary password or a one-time link.");
        }

        // Either way the old password stops working at once.
        var temporary = PasswordChangeRequired.NewTemporaryPassword();
        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }

        var added = await users.AddPasswordAsync(user, temporary);
        if (!added.Succeeded)
        {
            return await RefusedAsync(string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        await users.ResetAccessFailedCountAsync(user);
        if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == PasswordChangeRequired.ClaimType))
        {
            await users.AddClaimAsync(user, new System.Security.Claims.Claim(PasswordChangeRequired.ClaimType, "true"));
        }

        await users.UpdateSecurityStampAsync(user);
        string? link = null;
        if (mode == "link")
        {
            // Made after the new stamp, so the link works until it is used (or a later reset, sign-out or role change).
            var token = await users.GeneratePasswordResetTokenAsync(user);
            link = $"{Request.Scheme}://{Request.Host}/account/reset-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        }

        await audit.RecordAsync(User, "Password reset", "User", user.UserName!, null, new
        {
            Method = mode == "link" ? "one-time link, valid for a day" : "temporary password, to be changed at the next sign-in",
            Sessions = "ended",
        });
        Reset = (user.Email ?? user.UserName!, mode == "link" ? null : temporary, link);
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
        {
            Errors.Add(("new-email", "Enter an email address, like name@example.org"));
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors.Add(("new-name", "Enter the person's name"));
        }

        if (Role is null || !Roles.All.Contains(Role))
        {
            Errors.Add(("new-role", "Select a role"));
        }
        else if (Role == Roles.Contributor && string.IsNullOrWhiteSpace(Organisation))
        {
            Errors.Add(("new-organisation", "Enter the contributor's organisation"));
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(("new-password", "Enter a first password of at least 12 characters"));
        }

        if (Errors.Count == 0)
        {
            var user = new WebUser { UserName = Email!.Trim(), Email = Email.Trim(), DisplayName = Name!.Trim(), Organisation = string.IsNullOrWhiteSpace(Organisation) ? null : Organisation.Trim(), EmailConfirmed = true };
            var result = await users.CreateAsync(user, Password!);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, Role!);
                await audit.RecordAsync(User, "User created", "User", user.UserName, null, new { user.DisplayName, Role, user.Organisation });
                return RedirectToPage();
            }

            Errors.AddRange(result.Errors.Select(e => (e.Code.Contains("Password", StringComparison.Ordinal) ? "new-password" : "new-email", e.Description)));
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return BadRequest("Choose the account to unlock from the list of users.");
        }

        if (await users.FindByIdAsync(id) is { } user)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.RecordAsync(User, "User unlocked", "User", user.UserName!, new { Locked = true }, new { Locked = false });
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? id)
    {
        if (await OtherAccountAsync(id) is not { } user)
        {
            return await RefusedAsync("Choose another person's account to disable: you cannot disable your own.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, WebUser.DisabledUntil);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(User, "User disabled", "User", user.UserName!, new { Disabled = false }, new { Disabled = true, Sessions = "ended" });
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? id)
    {
        if (string.IsNullOrEmpty(id) || await users.FindByIdAsync(id) is not { } user)
        {
            return await RefusedAsync("Choose the account to re-enable from the list of users.");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(User, "User re-enabled", "User", user.UserName!, new { Disabled = true }, new { Disabled = false });
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(string? id)
    {
        if (await OtherAccountAsync(id) is not { } user)
        {
            return await RefusedAsync("Choose another person's account: you cannot change your own role.");
        }

        if (Role is null || !Roles.All.Contains(Role))
        {
            return await RefusedAsync("Select a role from the list.");
        }

        if (Role == Roles.Contributor && string.IsNullOrWhiteSpace(user.Organisation))
        {
            return await RefusedAsync($"{user.Email} has no organisation: a contributor needs one. Add them again with their organisation.");
        }

        var before = await users.GetRolesAsync(user);
        if (before.Count == 1 && before[0] == Role)
        {
            return RedirectToPage();
        }

        await users.RemoveFromRolesAsync(user, before);
        await users.AddToRoleAsync(user, Role);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(User, "Role changed", "User", user.UserName!, new { Roles = before }, new { Roles = new[] { Role }, Sessions = "ended" });
        return RedirectToPage();
    }

    private async Task<WebUser?> OtherAccountAsync(string? id) =>
        string.IsNullOrEmpty(id) || id == users.GetUserId(User) ? null : await users.FindByIdAsync(id);

    private async Task<IActionResult> RefusedAsync(string message)
    {
        Errors.Add(("accounts", message));
        await LoadAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync()
    {
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            People.Add((user, await users.GetRolesAsync(user)));
        }
    }
}
