using System.Runtime.ExceptionServices;
using System.Security.Claims;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Web.Infrastructure.Identity;

/// <summary>
/// Makes a local account's sessions revocable on every instance: each request's cookie carries the account's security
/// stamp (ASP.NET Core Identity), and the stamp is compared with the one in the shared database — a one-row lookup by
/// primary key — on every request, or at most every <c>Security:SessionCheckInterval</c> per instance when one is set.
/// Signing out (and anything that changes the stamp: a password change or reset, a role change, disabling) gives the
/// account a new stamp, so every cookie issued before it is refused by every instance and the person is sent to the
/// sign-in page. A cookie whose account no longer exists is refused too. Identity's own validator still runs after it at
/// its own interval to refresh the cookie's roles and claims.
/// </summary>
public static class SessionCheck
{
    /// <summary>The setting naming how long an instance may trust a stamp it has checked (default 0: every request).</summary>
    public const string IntervalSetting = "Security:SessionCheckInterval";

    private const string UncheckedKey = "csp.session-unchecked";

    /// <summary>The cookie event: refuses a cookie whose stamp is no longer the account's, then runs Identity's validator.</summary>
    /// <param name="context">The cookie's validation context.</param>
    /// <returns>A task.</returns>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        bool current;
        try
        {
            current = id is not null && stamp is not null && await IsCurrentAsync(services, id, stamp, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            // The database is away. The cookie handler keeps this result for the rest of the request, including the
            // error page's second run through the pipeline, so the session is left unchecked (not signed in, the cookie
            // kept for when the database is back) and the exception is thrown after authentication instead
            // (UseSessionCheckFailures): the person gets the 503 page, not a 500 or the sign-in page.
            context.RejectPrincipal();
            context.HttpContext.Items[UncheckedKey] = ExceptionDispatchInfo.Capture(e);
            return;
        }

        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// After authentication: throws the exception of a session that could not be checked because the database is away,
    /// once per request, so the error page (503) answers it.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseSessionCheckFailures(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items.Remove(UncheckedKey, out var failure) && failure is ExceptionDispatchInfo exception)
        {
            exception.Throw();
        }

        await next(context);
    });

    private static async Task<bool> IsCurrentAsync(IServiceProvider services, string id, string stamp, CancellationToken cancellationToken)
    {
        var interval = services.GetRequiredService<IConfiguration>().GetValue(IntervalSetting, TimeSpan.Zero);
        var cache = services.GetRequiredService<IMemoryCache>();
        var key = "session-stamp:" + id + ":" + stamp;
        if (interval > TimeSpan.Zero && cache.TryGetValue(key, out _))
        {
            return true;
        }

        var db = services.GetRequiredService<WebDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        if (!string.Equals(current, stamp, StringComparison.Ordinal))
        {
            return false;
        }

        if (interval > TimeSpan.Zero)
        {
            cache.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = interval, Size = 1 });
        }

        return true;
    }
}
