using System.Security.Claims;
using System.Threading.RateLimiting;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Web.Infrastructure.Identity;

/// <summary>Accounts, sign-in, roles and policies.</summary>
public static class AccountSetup
{
    /// <summary>The cookie scheme of people signed in through OpenID Connect.</summary>
    public const string ExternalScheme = "csp-external";

    /// <summary>The rate-limiting policy of the sign-in form.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>
    /// Adds ASP.NET Core Identity (local accounts: no lockout after failures, which anyone could use to shut a partner
    /// out, but per-network throttling with a doubling wait (<see cref="SignInThrottle"/>); PBKDF2 with 210,000 iterations, optional TOTP), OpenID
    /// Connect when <c>Authentication:Oidc:Authority</c> is configured, the authorisation policies and the sign-in rate
    /// limit. Every endpoint names its rule (pages without one need a signed-in user: see WebApp.MapPages).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<WebUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<WebDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<WebClaimsFactory>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "csp-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => ApiOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status403Forbidden);

            // Sessions end on every instance when the account's security stamp changes (sign-out, role change, ...).
            o.Events.OnValidatePrincipal = SessionCheck.ValidatePrincipalAsync;
        });
        services.AddMemoryCache();
        services.AddSingleton<SignInThrottle>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "csp-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        AddOpenIdConnect(builder);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Internal, p => p.RequireRole(Policies.RolesOf[Policies.Internal]))
            .AddPolicy(Policies.DataEntry, p => p.RequireRole(Policies.RolesOf[Policies.DataEntry]))
            .AddPolicy(Policies.Analysis, p => p.RequireRole(Policies.RolesOf[Policies.Analysis]))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Policies.RolesOf[Policies.Administration]));

        // The limit is counted by each instance in its own memory, on purpose: behind a load balancer with N instances
        // an address gets at most N × the limit, which still stops guessing at speed, and no request ever depends on
        // another instance. Guessing is slowed further by SignInThrottle (per network and name, a doubling wait).
        var perMinute = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return builder;
    }

    private const string ExternalCookie = "csp-external";

    private static Task ApiOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// OpenID Connect (e.g. Microsoft Entra ID) by configuration only: <c>Authentication:Oidc:Authority</c>,
    /// <c>ClientId</c>, <c>ClientSecret</c>; the token's <c>roles</c> claim carries the app's role names and
    /// <c>Authentication:Oidc:OrganisationClaim</c> (default <c>organisation</c>) the partner organisation.
    /// </summary>
    private static void AddOpenIdConnect(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Authentication:Oidc");
        if (string.IsNullOrWhiteSpace(section["Authority"]))
        {
            return;
        }

        var organisationClaim = section["OrganisationClaim"] is { Length: > 0 } c ? c : "organisation";

        // People signed in through OIDC have no local account, so they get a cookie of their own (the local account
        // cookie's security-stamp check would sign them out); the default scheme picks whichever cookie is present.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = "csp";
                o.DefaultAuthenticateScheme = "csp";
                o.DefaultChallengeScheme = "csp";
                o.DefaultForbidScheme = "csp";
            })
            .AddPolicyScheme("csp", null, o => o.ForwardDefaultSelector = context =>
                context.Request.Cookies.ContainsKey(ExternalCookie) ? ExternalScheme : IdentityConstants.ApplicationScheme)
            .AddCookie(ExternalScheme, o =>
            {
                o.Cookie.Name = ExternalCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/account/sign-in";
                o.AccessDeniedPath = "/account/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnRedirectToLogin = c => ApiOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthentication().AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, section["DisplayName"] ?? "Your organisation's account", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.TokenValidationParameters.NameClaimType = "preferred_username";
            o.TokenValidationParameters.RoleClaimType = "roles";
            o.Events.OnTokenValidated = context =>
            {
                // Only the app's own role names count; the organisation comes from a claim of its own.
                var identity = (ClaimsIdentity)context.Principal!.Identity!;
                var roles = identity.FindAll("roles").Select(r => r.Value).Where(Roles.All.Contains).ToList();
                foreach (var role in roles)
                {
                    identity.AddClaim(new Claim(ClaimTypes.Role, role));
                }

                if (identity.FindFirst(organisationClaim) is { } org)
                {
                    identity.AddClaim(new Claim(WebClaims.Organisation, org.Value));
                }

                return Task.CompletedTask;
            };
        });
    }
}

/// <summary>Adds the organisation and display name to a local account's claims.</summary>
public sealed class WebClaimsFactory(UserManager<WebUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WebUser, IdentityRole>(users, roles, options)
{
    /// <inheritdoc/>
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WebUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WebClaims.DisplayName, user.DisplayName));
        if (!string.IsNullOrEmpty(user.Organisation))
        {
            identity.AddClaim(new Claim(WebClaims.Organisation, user.Organisation));
        }

        return identity;
    }
}

/// <summary>Creates the roles, a first administrator and, for the demo, one account per role.</summary>
internal static class AccountSeeder
{
    /// <summary>The demo accounts: user name, role, organisation.</summary>
    public static IReadOnlyList<(string Email, string Name, string Role, string? Organisation)> DemoAccounts { get; } =
    [
        ("admin@example.org", "Alex Admin", Roles.Administrator, null),
        ("analyst@example.org", "Ana Analyst", Roles.Analyst, null),
        ("contributor@example.org", "Chris Contributor", Roles.Contributor, "Refuge"),
        ("board@example.org", "Bo Board", Roles.BoardMember, null),
        ("public@example.org", "Pat Public", Roles.Public, null),
    ];

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var users = services.GetRequiredService<UserManager<WebUser>>();
        if (configuration["Accounts:Administrator:Email"] is { Length: > 0 } email
            && configuration["Accounts:Administrator:Password"] is { Length: > 0 } password
            && await users.FindByNameAsync(email) is null)
        {
            await CreateAsync(users, email, "Administrator", Roles.Administrator, null, password);
            logger.LogInformation("Created the administrator {Email}", email);
        }

        if (configuration["Demo:Password"] is { Length: > 0 } demoPassword)
        {
            foreach (var (demoEmail, name, role, organisation) in DemoAccounts)
            {
                if (await users.FindByNameAsync(demoEmail) is { } existing)
                {
                    // A demo started again prints a new password: make it the one that works.
                    Check(await users.RemovePasswordAsync(existing));
                    Check(await users.AddPasswordAsync(existing, demoPassword));
                }
                else
                {
                    await CreateAsync(users, demoEmail, name, role, organisation, demoPassword);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public static async Task<WebUser> CreateAsync(UserManager<WebUser> users, string email, string name, string role, string? organisation, string password)
    {
        var user = new WebUser { UserName = email, Email = email, DisplayName = name, Organisation = organisation, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
