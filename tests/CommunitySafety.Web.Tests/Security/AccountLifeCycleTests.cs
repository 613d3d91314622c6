using System.Net;
using System.Text.RegularExpressions;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// A person changes their own password (their other sessions end, this one stays) and sees their last sign-in; an
/// administrator resets a password with a temporary one that must be changed, or a one-time link; all of it in the audit
/// trail, never a password. Each test uses its own demo account; the same on SQLite and PostgreSQL.
/// </summary>
public abstract partial class AccountLifeCycleTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebFactory
{
    private const string NewPassword = "Brand-new-password-42";

    [Fact]
    public async Task ChangingYourPassword_EndsYourOtherSessions_KeepsThisOne_AndIsAudited()
    {
        var browser = Browser();
        using var signIn = await SignInAsync(browser, "analyst@example.org", WebFactory.Password);
        var other = SessionCookie(signIn);

        using (var wrong = await Forms.PostAsync(browser, "/account/password", Fields("not-my-password-9", NewPassword, NewPassword)))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Your current password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var mismatch = await Forms.PostAsync(browser, "/account/password", Fields(WebFactory.Password, NewPassword, NewPassword + "x")))
        {
            Assert.Contains("Enter the same new password twice", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var changed = await Forms.PostAsync(browser, "/account/password", Fields(WebFactory.Password, NewPassword, NewPassword)))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Contains("Your password has been changed", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var here = await browser.GetAsync(new Uri("/dashboard", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, here.StatusCode);
        }

        using (var elsewhere = await ReplayAsync(other))
        {
            Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        }

        using (var old = await SignInAsync(Browser(), "analyst@example.org", WebFactory.Password))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        using (var fresh = await SignInAsync(Browser(), "analyst@example.org", NewPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        }

        var trail = await TrailAsync("analyst@example.org");
        Assert.Contains(trail, e => e.Action == "Password change refused");
        Assert.Contains(trail, e => e.Action == "Password changed" && e.After!.Contains("other sessions ended", StringComparison.Ordinal));
        AssertNoPasswords(trail);
    }

    [Fact]
    public async Task YourAccountPage_ShowsTheSignInBeforeThisOne_AndRecentSignIns()
    {
        var first = Browser("192.0.2.10");
        using (await SignInAsync(first, "board@example.org", WebFactory.Password))
        {
        }

        var second = Browser("192.0.2.20");
        using (await SignInAsync(second, "board@example.org", "a-wrong-one-1"))
        {
        }

        using (await SignInAsync(second, "board@example.org", WebFactory.Password))
        {
        }

        var html = await second.GetStringAsync(new Uri("/account", UriKind.Relative));
        var previous = Regex.Match(html, "id=\"previous-sign-in\">([^<]+)<").Groups[1].Value;
        Assert.EndsWith("from 192.0.2.10", previous, StringComparison.Ordinal);
        Assert.Contains("Sign-in failed (wrong password)", html, StringComparison.Ordinal);
        Assert.Contains("192.0.2.20", html, StringComparison.Ordinal);
        Assert.Contains("Bo Board", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorsTemporaryPassword_EndsSessions_AndMustBeChangedAtTheNextSignIn()
    {
        var person = Browser();
        using var signIn = await SignInAsync(person, "contributor@example.org", WebFactory.Password);
        var saved = SessionCookie(signIn);

        var admin = factory.ClientAs(Roles.Administrator);
        string temporary;
        using (var reset = await Forms.PostAsync(admin, "/admin/users?handler=Reset", [new("id", await UserIdAsync("contributor@example.org")), new("mode", "temporary")], tokenFrom: "/admin/users"))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            Assert.True(reset.Headers.CacheControl?.NoStore);
            var html = await reset.Content.ReadAsStringAsync();
            temporary = Regex.Match(html, "id=\"temporary-password\">([^<]+)<").Groups[1].Value;
            Assert.Matches("^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$", temporary);
        }

        using (var stale = await ReplayAsync(saved))
        {
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        }

        using (var old = await SignInAsync(Browser(), "contributor@example.org", WebFactory.Password))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        var again = Browser();
        using (var withTemporary = await SignInAsync(again, "contributor@example.org", temporary))
        {
            Assert.Equal("/account/password", withTemporary.Headers.Location?.OriginalString);
        }

        using (var elsewhere = await again.GetAsync(new Uri("/entry", UriKind.Relative)))
        {
            Assert.Equal("/account/password", elsewhere.Headers.Location?.OriginalString);
        }

        Assert.Contains("Your administrator set a temporary password", await again.GetStringAsync(new Uri("/account/password", UriKind.Relative)), StringComparison.Ordinal);
        using (var changed = await Forms.PostAsync(again, "/account/password", Fields(temporary, NewPassword, NewPassword)))
        {
            Assert.Contains("Your password has been changed", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var entry = await again.GetAsync(new Uri("/entry", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        }

        var trail = await TrailAsync("contributor@example.org");
        Assert.Contains(trail, e => e.Action == "Password reset" && e.User == "Administrator@test.example" && e.After!.Contains("temporary password", StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Action == "Password changed" && e.After!.Contains("temporary password replaced", StringComparison.Ordinal));
        Assert.All(trail, e => Assert.DoesNotContain(temporary, e.Before + e.After + e.EntityKey, StringComparison.Ordinal));
        AssertNoPasswords(trail);
    }

    [Fact]
    public async Task AnAdministratorsOneTimeLink_SetsAPasswordOnce_AndTheOldOneStopsAtOnce()
    {
        var admin = factory.ClientAs(Roles.Administrator);
        string link;
        using (var reset = await Forms.PostAsync(admin, "/admin/users?handler=Reset", [new("id", await UserIdAsync("public@example.org")), new("mode", "link")], tokenFrom: "/admin/users"))
        {
            var html = await reset.Content.ReadAsStringAsync();
            link = WebUtility.HtmlDecode(Regex.Match(html, "id=\"reset-link\">([^<]+)<").Groups[1].Value);
            Assert.Contains("/account/reset-password?user=", link, StringComparison.Ordinal);
        }

        using (var old = await SignInAsync(Browser(), "public@example.org", WebFactory.Password))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        var path = new Uri(link).PathAndQuery;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var anonymous = Browser();
        var form = new List<KeyValuePair<string, string>> { new("user", query["user"]!), new("token", query["token"]!), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword) };
        using (var set = await Forms.PostAsync(anonymous, path, form))
        {
            Assert.Contains("Your password has been set", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var twice = await Forms.PostAsync(anonymous, path, [.. form.Take(2), new("NewPassword", "Another-password-77"), new("ConfirmPassword", "Another-password-77")]))
        {
            Assert.Contains("This link has been used or has expired", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var fresh = await SignInAsync(Browser(), "public@example.org", NewPassword))
        {
            Assert.Equal("/dashboard", fresh.Headers.Location?.OriginalString);
        }

        var trail = await TrailAsync("public@example.org");
        Assert.Contains(trail, e => e.Action == "Password reset" && e.After!.Contains("one-time link", StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Action == "Password set with a one-time link");
        Assert.Contains(trail, e => e.Action == "Password link refused");
        Assert.All(trail, e => Assert.DoesNotContain(query["token"]!, e.Before + e.After, StringComparison.Ordinal));
        AssertNoPasswords(trail);
    }

    [Fact]
    public async Task AnAdministrator_CannotResetTheirOwnPasswordFromTheUsersPage()
    {
        var self = Browser();
        using (await SignInAsync(self, "admin@example.org", WebFactory.Password))
        {
        }

        using var own = await Forms.PostAsync(self, "/admin/users?handler=Reset", [new("id", await UserIdAsync("admin@example.org")), new("mode", "temporary")], tokenFrom: "/admin/users");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("change your own password on your account page", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Fields(string current, string next, string again) =>
        [new("CurrentPassword", current), new("NewPassword", next), new("ConfirmPassword", again)];

    private static void AssertNoPasswords(IEnumerable<Web.Infrastructure.Storage.AuditEntry> trail) => Assert.All(trail, e =>
    {
        Assert.DoesNotContain(WebFactory.Password, e.Before + e.After + e.EntityKey, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, e.Before + e.After + e.EntityKey, StringComparison.Ordinal);
    });

    private static int _lastAddress;

    /// <summary>A browser from an address of its own (the sign-in form allows 10 posts a minute per address).</summary>
    private HttpClient Browser(string? address = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAddress.Header, address ?? "10.0.0." + Interlocked.Increment(ref _lastAddress).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        Forms.PostAsync(client, "/account/sign-in", [new("email", email), new("password", password)]);

    private async Task<List<Web.Infrastructure.Storage.AuditEntry>> TrailAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries.Where(e => e.EntityKey == email).OrderBy(e => e.Id).ToListAsync();
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

public sealed class SqliteAccountLifeCycleTests(SqliteWebFactory factory) : AccountLifeCycleTests<SqliteWebFactory>(factory);

public sealed class PostgreSqlAccountLifeCycleTests(PostgreSqlWebFactory factory) : AccountLifeCycleTests<PostgreSqlWebFactory>(factory);
