using System.Net;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// Every form that changes something refuses (400) a post without the anti-forgery token, with a made-up one, or with
/// one issued to somebody else, and nothing is stored.
/// </summary>
public sealed class CsrfTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    public static TheoryData<string, string> Forms_ { get; } = new()
    {
        { "/entry/form?framework=DAMF&period=Q1%202027%2F28", "Rows[0].Code=DA-C2&Rows[0].Count=3&Rows[0].Denominator=9&action=submit" },
        { "/entry/form?framework=DAMF&period=Q1%202027%2F28", "Rows[0].Code=DA-C2&Rows[0].Count=3&action=draft" },
        { "/admin?handler=Organisation", "name=Forged+organisation" },
        { "/admin/users?handler=Create", "Email=forged%40example.org&Name=Forged&Role=Administrator&Password=Long-enough-password-1" },
        { "/entry/upload", "framework=DAMF" },
        { "/account/sign-in", "email=analyst%40example.org&password=Test-password-123" },
        { "/account/sign-out", "" },
    };

    [Theory]
    [MemberData(nameof(Forms_))]
    public async Task Post_WithoutTheToken_WithAMadeUpOne_OrWithSomebodyElses_IsRefusedAndStoresNothing(string url, string fields)
    {
        var before = await CountsAsync();
        var admin = factory.ClientAs(Roles.Administrator);
        await Forms.TokenAsync(admin, "/admin/audit"); // the admin's own anti-forgery cookie, so the other tokens meet a real one
        var othersToken = await Forms.TokenAsync(factory.ClientAs(Roles.Analyst), "/admin/audit");
        var madeUp = "CfDJ8" + new string('A', 150);

        foreach (var (token, what) in new[] { ((string?)null, "no token"), (madeUp, "a made-up token"), (othersToken, "another person's token") })
        {
            var body = token is null ? fields : $"{fields}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await admin.PostAsync(new Uri(url, UriKind.Relative), content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} with {what}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Post_WithItsOwnToken_IsAccepted_SoTheRefusalsAboveAreAboutTheToken()
    {
        using var response = await Forms.PostAsync(factory.ClientAs(Roles.Administrator), "/admin?handler=Organisation", [new("name", "Genuine organisation")], tokenFrom: "/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<(int Values, int Organisations, int Users, int Drafts, int Audit)> CountsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Monitoring.Storage.MonitoringDbContext>();
        var web = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        return (await db.IndicatorValues.CountAsync(), await web.Organisations.CountAsync(x => x.Name != "Genuine organisation"), await web.Users.CountAsync(),
            await web.EntryDrafts.CountAsync(), await web.AuditEntries.CountAsync(a => a.EntityKey != "Genuine organisation"));
    }
}
