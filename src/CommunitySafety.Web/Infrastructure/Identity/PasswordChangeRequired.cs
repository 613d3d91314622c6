using System.Security.Claims;
using System.Security.Cryptography;

namespace CommunitySafety.Web.Infrastructure.Identity;

/// <summary>
/// A password an administrator set for someone (a temporary password) must be changed at the next sign-in: the account
/// carries the claim <see cref="ClaimType"/> (in the shared database, so it follows the person to every instance) until
/// the person chooses their own password, and until then every page sends them to <see cref="ChangePath"/>.
/// </summary>
public static class PasswordChangeRequired
{
    /// <summary>The account claim saying the password must be changed.</summary>
    public const string ClaimType = "csp:must-change-password";

    /// <summary>The page where a person changes their password.</summary>
    public const string ChangePath = "/account/password";

    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Whether the signed-in person must change their password before anything else.</summary>
    /// <param name="user">The person.</param>
    /// <returns>Whether they must.</returns>
    public static bool MustChangePassword(this ClaimsPrincipal user) => user?.HasClaim(c => c.Type == ClaimType) == true;

    /// <summary>
    /// A temporary password: 16 characters in four groups of four (about 92 bits), without look-alike characters (0/O,
    /// 1/l/I), with at least one capital, one small letter and one digit as the password rules ask.
    /// </summary>
    /// <returns>The password.</returns>
    public static string NewTemporaryPassword()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(Letters, 16);
            if (chars.Any(char.IsUpper) && chars.Any(char.IsLower) && chars.Any(char.IsDigit))
            {
                return string.Join('-', Enumerable.Range(0, 4).Select(k => new string(chars, k * 4, 4)));
            }
        }
    }

    /// <summary>
    /// After authentication: a person who must change their password gets the change page for every other page (the
    /// sign-out, error and static files still work); the API answers 403.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UsePasswordChangeRequired(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.MustChangePassword()
            && !path.StartsWithSegments(ChangePath, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/account/sign-out", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Redirect(ChangePath);
            return;
        }

        await next(context);
    });
}
