using System.Net;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// SQL typed into addresses, query strings and form fields is only ever a value (EF Core parameters): it finds
/// nothing, signs nobody in, reveals nothing and changes nothing — on SQLite and on PostgreSQL.
/// </summary>
public abstract class SqlInjectionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebFactory
{
    public static TheoryData<string> Attempts { get; } =
    [
        "' OR '1'='1",
        "' OR 1=1 --",
        "DA-C2'; DROP TABLE \"IndicatorValues\"; --",
        "x' UNION SELECT \"PasswordHash\" FROM \"AspNetUsers\" --",
        "%' OR '%'='",
        "1); DELETE FROM \"WebAuditEntries\"; --",
    ];

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task InAddressesAndQueryStrings_FindsNothingAndChangesNothing(string attempt)
    {
        var before = await CountsAsync();
        var client = factory.ClientAs(Roles.Administrator);
        var e = Uri.EscapeDataString(attempt);

        foreach (var url in new[] { $"/indicators/{e}", $"/api/indicators/{e}", $"/api/indicators/{e}/values", $"/api/indicators/{e}/values.csv", $"/api/frameworks/{e}/export.xlsx" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        foreach (var url in new[] { $"/dashboard?priority={e}&framework={e}&status={e}", $"/admin/audit?search={e}", $"/plan?priority={e}", $"/entry?framework={e}&period={e}&check=1" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("AQAAAA", html, StringComparison.Ordinal); // an Identity password hash
            Assert.DoesNotContain("syntax error", html, StringComparison.OrdinalIgnoreCase);
        }

        // The audit search finds no entry by SQL: every row it shows really contains the text.
        using var audit = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri($"/admin/audit?search={e}", UriKind.Relative)));
        Assert.All(audit.QuerySelectorAll("tbody tr"), row => Assert.Contains(attempt, row.TextContent, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task InFormFields_SignsNobodyInAndStoresNothing(string attempt)
    {
        var before = await CountsAsync();
        var anonymous = factory.ClientAs(null);
        // One attempt per case: the sign-in form takes 10 a minute from one address.
        using (var signIn = await Forms.PostAsync(anonymous, "/account/sign-in", [new("email", "analyst@example.org" + attempt), new("password", attempt)]))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("csp-session=", StringComparison.Ordinal)));
        }

        var analyst = factory.ClientAs(Roles.Analyst);
        var url = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q4 2027/28");
        using (var wrongCode = await Forms.PostAsync(analyst, url, [new("Rows[0].Code", attempt), new("Rows[0].Count", "1"), new("action", "submit")]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongCode.StatusCode);
        }

        using (var wrongNumber = await Forms.PostAsync(analyst, url, [new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", attempt), new("action", "submit")]))
        {
            Assert.Equal(HttpStatusCode.OK, wrongNumber.StatusCode);
            Assert.Contains("govuk-error-summary", await wrongNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var wrongFramework = await Forms.PostAsync(analyst, "/entry/form?framework=" + Uri.EscapeDataString(attempt) + "&period=" + Uri.EscapeDataString("Q4 2027/28"),
            [new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", "1"), new("action", "submit")], tokenFrom: url))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongFramework.StatusCode);
        }

        Assert.Equal(before, await CountsAsync());

        // The failed sign-in is in the audit trail (as text: the name typed, never the password), and nothing else is.
        using var scope = factory.Services.CreateScope();
        var typed = "analyst@example.org" + attempt;
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries
            .CountAsync(e => e.Entity == Web.Infrastructure.Storage.AuditLog.SignInEntity && e.Action == "Sign-in failed" && e.User == typed));
    }

    private async Task<(int Values, int Users, int Audit, int Indicators)> CountsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var web = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        return (await db.IndicatorValues.CountAsync(), await web.Users.CountAsync(), await web.AuditEntries.CountAsync(e => e.Entity != Web.Infrastructure.Storage.AuditLog.SignInEntity), await db.Indicators.CountAsync());
    }
}

public sealed class SqliteSqlInjectionTests(SqliteWebFactory factory) : SqlInjectionTests<SqliteWebFactory>(factory);

public sealed class PostgreSqlSqlInjectionTests(PostgreSqlWebFactory factory) : SqlInjectionTests<PostgreSqlWebFactory>(factory);
