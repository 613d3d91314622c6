using System.Net;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using CommunitySafety.Web.Tests.Reliability;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// Signing out ends every session of the account: a cookie saved before sign-out (a copied cookie, another browser)
/// no longer opens the dashboard; the same on SQLite and PostgreSQL.
/// </summary>
public abstract class SessionRevocationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebFactory
{
    [Fact]
    public async Task ACookieSavedBeforeSignOut_IsRefusedAfterIt()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var signIn = await Forms.PostAsync(browser, "/account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var saved = SessionCookie(signIn);

            // A second browser given the copied cookie is signed in too, before the sign-out.
            using (var before = await ReplayAsync(saved))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            }

            using (var signOut = await Forms.PostAsync(browser, "/account/sign-out", [], tokenFrom: "/dashboard"))
            {
                Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            }

            using var after = await ReplayAsync(saved);
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/sign-in", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        // Signing in again works: only the old sessions ended.
        using var again = await Forms.PostAsync(browser, "/account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]);
        using var fresh = await ReplayAsync(SessionCookie(again));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ACookieOfAnAccountWhoseStampChanged_IsRefused()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await Forms.PostAsync(browser, "/account/sign-in", [new("email", "board@example.org"), new("password", WebFactory.Password)]);
        var saved = SessionCookie(signIn);
        using (var before = await ReplayAsync(saved))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // What a role change, disabling or a password reset does to the account.
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
            var user = await users.FindByNameAsync("board@example.org");
            await users.UpdateSecurityStampAsync(user!);
        }

        using var after = await ReplayAsync(saved);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task TheSecurityPage_MakingAnAuthenticatorKey_KeepsThisSessionButEndsOthers()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await Forms.PostAsync(browser, "/account/sign-in", [new("email", "admin@example.org"), new("password", WebFactory.Password)]);
        var other = SessionCookie(signIn);

        // The first visit makes the account's authenticator key, which renews its security stamp.
        using (var security = await browser.GetAsync(new Uri("/account/security", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, security.StatusCode);
        }

        using (var dashboard = await browser.GetAsync(new Uri("/dashboard", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }

        using var copied = await ReplayAsync(other);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessions_AndReEnablingLetsItSignInAgain()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await Forms.PostAsync(browser, "/account/sign-in", [new("email", "public@example.org"), new("password", WebFactory.Password)]);
        var saved = SessionCookie(signIn);
        var id = await UserIdAsync("public@example.org");
        using (var before = await ReplayAsync(saved, "/public"))
        {
            Assert.Contains("Pat Public", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var admin = factory.ClientAs(Roles.Administrator);
        using (var disable = await Forms.PostAsync(admin, "/admin/users?handler=Disable", [new("id", id)], tokenFrom: "/admin/users"))
        {
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        }

        using (var after = await ReplayAsync(saved, "/public"))
        {
            Assert.DoesNotContain("Pat Public", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var users = await admin.GetStringAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Contains("Re-enable <span class=\"govuk-visually-hidden\">public@example.org</span>", users, StringComparison.Ordinal);
        using (var refused = await Forms.PostAsync(factory.ClientAs(null), "/account/sign-in", [new("email", "public@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("The email address or password is not right", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var enable = await Forms.PostAsync(admin, "/admin/users?handler=Enable", [new("id", id)], tokenFrom: "/admin/users"))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }

        using var again = await Forms.PostAsync(factory.ClientAs(null), "/account/sign-in", [new("email", "public@example.org"), new("password", WebFactory.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        using var fresh = await ReplayAsync(SessionCookie(again), "/public");
        Assert.Contains("Pat Public", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingARole_EndsTheSessions_AndTheNewSessionHasTheNewRole()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await Forms.PostAsync(browser, "/account/sign-in", [new("email", "contributor@example.org"), new("password", WebFactory.Password)]);
        var saved = SessionCookie(signIn);
        using (var entry = await ReplayAsync(saved, "/entry"))
        {
            Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        }

        var admin = factory.ClientAs(Roles.Administrator);
        using (var change = await Forms.PostAsync(admin, "/admin/users?handler=Role", [new("id", await UserIdAsync("contributor@example.org")), new("Role", Roles.BoardMember)], tokenFrom: "/admin/users"))
        {
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        }

        using (var stale = await ReplayAsync(saved, "/entry"))
        {
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
            Assert.Contains("/account/sign-in", stale.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var again = await Forms.PostAsync(factory.ClientAs(null), "/account/sign-in", [new("email", "contributor@example.org"), new("password", WebFactory.Password)]);
        using var denied = await ReplayAsync(SessionCookie(again), "/entry");
        Assert.Contains("/account/access-denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // An administrator cannot change their own role or disable themselves (checked by the account's id).
        var self = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (await Forms.PostAsync(self, "/account/sign-in", [new("email", "admin@example.org"), new("password", WebFactory.Password)]))
        {
        }

        using var own = await Forms.PostAsync(self, "/admin/users?handler=Disable", [new("id", await UserIdAsync("admin@example.org"))], tokenFrom: "/admin/users");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("you cannot disable your own", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>().FindByNameAsync(email))!.Id;
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("csp-session=", StringComparison.Ordinal)).Split(';')[0];

    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url = "/dashboard")
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}

public sealed class SqliteSessionRevocationTests(SqliteWebFactory factory) : SessionRevocationTests<SqliteWebFactory>(factory);

public sealed class PostgreSqlSessionRevocationTests(PostgreSqlWebFactory factory) : SessionRevocationTests<PostgreSqlWebFactory>(factory);

/// <summary>
/// Two instances over one PostgreSQL database: a person signed in on the first signs out on the second, and the cookie
/// saved before is refused by both.
/// </summary>
public sealed class TwoInstanceSessionRevocationTests : IAsyncLifetime
{
    private TwoInstances _instances = null!;

    public async Task InitializeAsync() => _instances = await TwoInstances.StartAsync("csp_sessions");

    public async Task DisposeAsync() => await _instances.DisposeAsync();

    [Fact]
    public async Task SignedOutOnOneInstance_TheSavedCookieIsRefusedByBoth()
    {
        var browser = new CookieContainer();
        using var first = _instances.First.Client(browser);
        using var second = _instances.Second.Client(browser);
        using (var signIn = await Forms.PostAsync(first, "account/sign-in", [new("email", "contributor@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var saved = browser.GetCookieHeader(_instances.First.BaseAddress);
        Assert.Contains("csp-session=", saved, StringComparison.Ordinal);
        foreach (var instance in new[] { _instances.First, _instances.Second })
        {
            using var before = await ReplayAsync(instance, saved);
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var signOut = await Forms.PostAsync(second, "account/sign-out", [], tokenFrom: "dashboard"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        foreach (var instance in new[] { _instances.First, _instances.Second })
        {
            using var after = await ReplayAsync(instance, saved);
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Contains("/account/sign-in", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        // Both events are in the shared audit trail with the client's real address.
        Assert.Equal(2, await _instances.Database.ScalarAsync(
            "SELECT count(*) FROM \"WebAuditEntries\" WHERE \"Entity\" = 'Sign-in' AND \"User\" = 'contributor@example.org' " +
            "AND \"Action\" IN ('Signed in', 'Signed out') AND \"After\" LIKE '%\"Address\":\"127.0.0.1\"%'"));
    }

    [Fact]
    public async Task DisabledOnOneInstance_TheUsersCookieIsRefusedByBoth()
    {
        var person = new CookieContainer();
        using (var first = _instances.First.Client(person))
        using (var signIn = await Forms.PostAsync(first, "account/sign-in", [new("email", "board@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var saved = person.GetCookieHeader(_instances.First.BaseAddress);
        string id;
        using (var scope = _instances.First.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>().FindByNameAsync("board@example.org"))!.Id;
        }

        using var admin = _instances.Second.Client(new CookieContainer());
        using (var signIn = await Forms.PostAsync(admin, "account/sign-in", [new("email", "admin@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var disable = await Forms.PostAsync(admin, "admin/users?handler=Disable", [new("id", id)], tokenFrom: "admin/users"))
        {
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        }

        foreach (var instance in new[] { _instances.First, _instances.Second })
        {
            using var after = await ReplayAsync(instance, saved);
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Contains("/account/sign-in", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> ReplayAsync(WebInstance instance, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = instance.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("dashboard", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
