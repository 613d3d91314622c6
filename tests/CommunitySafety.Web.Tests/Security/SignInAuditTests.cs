using System.Net;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// Every sign-in, failed sign-in, refusal (too many attempts, disabled account) and sign-out through the real form is in the audit trail — who, when, from
/// which address, why — and no password typed is; the same on SQLite and PostgreSQL.
/// </summary>
public abstract class SignInAuditTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebFactory
{
    [Fact]
    public async Task SignInsFailuresRefusalsAndSignOuts_AreAudited_WithoutPasswords()
    {
        var browser = factory.ClientAs(null);
        using (var ok = await Forms.PostAsync(browser, "/account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using (var signOut = await Forms.PostAsync(browser, "/account/sign-out", [], tokenFrom: "/dashboard"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        var other = factory.ClientAs(null);
        using (var unknown = await Forms.PostAsync(other, "/account/sign-in", [new("email", "nobody@example.org"), new("password", "secret-unknown-1")]))
        {
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        }

        for (var n = 0; n < 3; n++)
        {
            using var wrong = await Forms.PostAsync(other, "/account/sign-in", [new("email", "contributor@example.org"), new("password", "secret-wrong-" + n)]);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var slowed = await Forms.PostAsync(other, "/account/sign-in", [new("email", "contributor@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        }

        // A disabled account: refused with the same answer as a wrong password, and the trail says why.
        using (var scope0 = factory.Services.CreateScope())
        {
            var users = scope0.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Infrastructure.Storage.WebUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("board@example.org"))!, Web.Infrastructure.Storage.WebUser.DisabledUntil);
        }

        using (var disabled = await Forms.PostAsync(other, "/account/sign-in", [new("email", "board@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Contains("The email address or password is not right", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var scope = factory.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries
            .Where(e => e.Entity == AuditLog.SignInEntity).OrderBy(e => e.Id).ToListAsync();
        var trail = entries.Select(e => (e.User, e.Action)).ToList();
        Assert.Equal(
            [
                ("analyst@example.org", "Signed in"),
                ("analyst@example.org", "Signed out"),
                ("nobody@example.org", "Sign-in failed"),
                ("contributor@example.org", "Sign-in failed"),
                ("contributor@example.org", "Sign-in failed"),
                ("contributor@example.org", "Sign-in failed"),
                ("contributor@example.org", "Sign-in refused: too many attempts"),
                ("board@example.org", "Sign-in refused: account locked"),
            ],
            trail);
        Assert.Contains("no such account", entries[2].After, StringComparison.Ordinal);
        Assert.Contains("wrong password", entries[3].After, StringComparison.Ordinal);
        Assert.Contains("wait 1 second", entries[6].After, StringComparison.Ordinal);
        Assert.Contains("the account is disabled, password right", entries[7].After, StringComparison.Ordinal);
        Assert.All(entries, e =>
        {
            Assert.Contains("\"Address\":", e.After, StringComparison.Ordinal);
            Assert.True(e.At > DateTimeOffset.UtcNow.AddMinutes(-5));
            Assert.DoesNotContain("secret-", e.After + e.Before + e.EntityKey, StringComparison.Ordinal);
            Assert.DoesNotContain(WebFactory.Password, e.After + e.Before + e.EntityKey, StringComparison.Ordinal);
        });
    }
}

public sealed class SqliteSignInAuditTests(SqliteWebFactory factory) : SignInAuditTests<SqliteWebFactory>(factory);

public sealed class PostgreSqlSignInAuditTests(PostgreSqlWebFactory factory) : SignInAuditTests<PostgreSqlWebFactory>(factory);
