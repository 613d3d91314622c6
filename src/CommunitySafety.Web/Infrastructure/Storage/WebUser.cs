using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.AspNetCore.Identity;

namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>A person who signs in: a local account (ASP.NET Core Identity) or one first seen through OpenID Connect.</summary>
public sealed class WebUser : IdentityUser
{
    /// <summary>The person's name as shown on pages and in the audit trail.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The partner organisation the person works for; a contributor may enter values only for its indicators.</summary>
    public string? Organisation { get; set; }

    /// <summary>When a disabled account's lockout ends: never.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>Whether the account is disabled by an administrator (rather than locked for a while after failed sign-ins).</summary>
    [NotMapped]
    public bool IsDisabled => LockoutEnd == DisabledUntil;
}

/// <summary>A partner organisation (e.g. "Refuge", "Hampshire and Isle of Wight Constabulary").</summary>
public sealed class Organisation
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The name, spelled as indicators' owner organisation is.</summary>
    public required string Name { get; set; }
}
