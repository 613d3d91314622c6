using System.Security.Claims;
using CommunitySafety.Monitoring.Model;

namespace CommunitySafety.Web.Infrastructure.Security;

/// <summary>The roles of the web application.</summary>
public static class Roles
{
    /// <summary>Everything, including users.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Everything except users.</summary>
    public const string Analyst = "Analyst";

    /// <summary>Enters values and commentary for their own organisation's indicators; reads the internal pages.</summary>
    public const string Contributor = "Contributor";

    /// <summary>Reads everything internal; changes nothing.</summary>
    public const string BoardMember = "BoardMember";

    /// <summary>Published pages only (the same as not signed in).</summary>
    public const string Public = "Public";

    /// <summary>Every role, most powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, Analyst, Contributor, BoardMember, Public];

    /// <summary>The role's name for people.</summary>
    /// <param name="role">The role.</param>
    /// <returns>E.g. "Board member".</returns>
    public static string DisplayName(string role) => role == BoardMember ? "Board member" : role;
}

/// <summary>The authorisation policies; every page and endpoint names one, or allows anonymous access to published data.</summary>
public static class Policies
{
    /// <summary>Internal pages: administrators, analysts, contributors and board members.</summary>
    public const string Internal = "Internal";

    /// <summary>Entering values and commentary: administrators, analysts and contributors (their own organisation's only).</summary>
    public const string DataEntry = "DataEntry";

    /// <summary>Analysis and management of the plan, frameworks, reports and the audit trail: administrators and analysts.</summary>
    public const string Analysis = "Analysis";

    /// <summary>Users and roles: administrators.</summary>
    public const string Administration = "Administration";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesOf { get; } = new Dictionary<string, string[]>
    {
        [Internal] = [Roles.Administrator, Roles.Analyst, Roles.Contributor, Roles.BoardMember],
        [DataEntry] = [Roles.Administrator, Roles.Analyst, Roles.Contributor],
        [Analysis] = [Roles.Administrator, Roles.Analyst],
        [Administration] = [Roles.Administrator],
    };
}

/// <summary>The claims the app adds to a signed-in person.</summary>
public static class WebClaims
{
    /// <summary>The person's organisation.</summary>
    public const string Organisation = "csp:organisation";

    /// <summary>The person's display name.</summary>
    public const string DisplayName = "csp:name";
}

/// <summary>Questions about the signed-in person, answered the same way on every page and endpoint.</summary>
public static class UserRules
{
    /// <summary>The name recorded in the audit trail and on values and commentary.</summary>
    /// <param name="user">The person.</param>
    /// <returns>The user name.</returns>
    public static string AuditName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    /// <summary>The name shown on pages.</summary>
    /// <param name="user">The person.</param>
    /// <returns>The display name, or the user name.</returns>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(WebClaims.DisplayName) is { Length: > 0 } n ? n : user.AuditName();

    /// <summary>The person's organisation, if any.</summary>
    /// <param name="user">The person.</param>
    /// <returns>The organisation.</returns>
    public static string? Organisation(this ClaimsPrincipal user) => user.FindFirstValue(WebClaims.Organisation);

    /// <summary>True for a person who reads the internal pages.</summary>
    /// <param name="user">The person.</param>
    /// <returns>Whether they do.</returns>
    public static bool IsInternal(this ClaimsPrincipal user) => Policies.RolesOf[Policies.Internal].Any(user.IsInRole);

    /// <summary>True for an administrator or analyst.</summary>
    /// <param name="user">The person.</param>
    /// <returns>Whether they are.</returns>
    public static bool IsAnalyst(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Analyst);

    /// <summary>
    /// Whether the person may enter values and commentary for <paramref name="indicator"/>: administrators and analysts
    /// for every indicator, contributors for their own organisation's only.
    /// </summary>
    /// <param name="user">The person.</param>
    /// <param name="indicator">The indicator.</param>
    /// <returns>Whether they may.</returns>
    public static bool MayEnter(this ClaimsPrincipal user, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (user.IsAnalyst())
        {
            return true;
        }

        return user.IsInRole(Roles.Contributor) && user.Organisation() is { Length: > 0 } org
            && string.Equals(org, indicator.OwnerOrganisation, StringComparison.OrdinalIgnoreCase);
    }
}
