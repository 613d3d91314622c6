using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using CommunitySafety.Web.Infrastructure.Security;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// Script typed into every text a person can put into the app — commentary, missing reasons, figures, drafts, action
/// updates, organisation and people's names, upload file names, query strings, the sign-in email — comes back as
/// text on every page that shows it: checked on the parsed HTML (<see cref="InertHtml"/>).
/// </summary>
public sealed class XssTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    private static readonly string FormUrl = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q2 2016/17"); // a past period with no demo value

    /// <summary>A payload short enough for a name (up to 200 characters), without quotes (it goes in a file name too).</summary>
    private static string Short(int n) => $"xss{n}<img src=x id=xss-img-{n} onerror=alert({n})><script id=xss-script-{n}>alert({n})</script>";

    [Fact]
    public async Task EntryForm_FiguresMissingReasonAndCommentaryRejected_AreEchoedAsText()
    {
        var client = factory.ClientAs(Roles.Analyst);
        using var response = await Forms.PostAsync(client, FormUrl,
        [
            new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", InertHtml.Payload(1)), new("Rows[0].Denominator", InertHtml.Payload(2)),
            new("Rows[0].MissingReason", InertHtml.Payload(3)), new("Rows[0].Commentary", InertHtml.Payload(4)), new("action", "submit"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            InertHtml.AssertInert(html, $"xss{n}", "entry form with errors");
        }
    }

    [Fact]
    public async Task Commentary_Stored_IsInertOnTheIndicatorPageTheFormTheDashboardAndTheReports()
    {
        var client = factory.ClientAs(Roles.Analyst);
        using var response = await Forms.PostAsync(client, FormUrl,
        [
            new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", "5"), new("Rows[0].Denominator", "10"), new("Rows[0].Commentary", InertHtml.Payload(5)),
            new("Status", "Provisional"), new("action", "submit"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        InertHtml.AssertInert(await client.GetStringAsync(new Uri("/indicators/DA-C2", UriKind.Relative)), "xss5", "indicator page");
        InertHtml.AssertInert(await client.GetStringAsync(new Uri(FormUrl, UriKind.Relative)), "xss5", "entry form");
        InertHtml.AssertInert(await client.GetStringAsync(new Uri("/dashboard", UriKind.Relative)), null, "dashboard");
        InertHtml.AssertInert(await client.GetStringAsync(new Uri("/admin/audit", UriKind.Relative)), null, "audit trail");
        InertHtml.AssertInert(await client.GetStringAsync(new Uri("/reports/progress.html", UriKind.Relative)), null, "progress report");
        InertHtml.AssertInert(await factory.ClientAs(null).GetStringAsync(new Uri("/public", UriKind.Relative)), null, "public page");
    }

    [Fact]
    public async Task Draft_WithScriptInItsFigures_IsInertWhenTheFormIsOpenedAgain()
    {
        var client = factory.ClientAs(Roles.Analyst);
        var url = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q3 2016/17");
        using var response = await Forms.PostAsync(client, url,
            [new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", InertHtml.Payload(6)), new("Rows[0].Commentary", InertHtml.Payload(7)), new("action", "draft")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        InertHtml.AssertInert(html, "xss6", "draft");
        InertHtml.AssertInert(html, "xss7", "draft");
    }

    [Fact]
    public async Task ActionUpdate_Text_IsInertOnTheActionPage()
    {
        var client = factory.ClientAs(Roles.Analyst);
        using var plan = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/plan", UriKind.Relative)));
        var actionUrl = plan.QuerySelectorAll("a[href^='/plan/actions/']").Select(a => a.GetAttribute("href")!).First();
        using var form = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(actionUrl, UriKind.Relative)));
        var status = form.QuerySelector("#status option")!.GetAttribute("value")!;
        var rag = form.QuerySelector("#rag option")!.GetAttribute("value")!;

        using var response = await Forms.PostAsync(client, actionUrl, [new("Status", status), new("Rag", rag), new("Text", InertHtml.Payload(8))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        InertHtml.AssertInert(await client.GetStringAsync(new Uri(actionUrl, UriKind.Relative)), "xss8", "action page");
        InertHtml.AssertInert(await client.GetStringAsync(new Uri("/plan", UriKind.Relative)), null, "plan page");
    }

    [Fact]
    public async Task OrganisationAndPeoplesNames_AreInertOnTheAdministrationPagesAndTheAuditTrail()
    {
        var client = factory.ClientAs(Roles.Administrator);
        using (var organisation = await Forms.PostAsync(client, "/admin?handler=Organisation", [new("name", Short(9))], tokenFrom: "/admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, organisation.StatusCode);
        }

        InertHtml.AssertInert(await client.GetStringAsync(new Uri("/admin", UriKind.Relative)), "xss9", "administration");

        using (var created = await Forms.PostAsync(client, "/admin/users?handler=Create",
            [new("Email", "xss-person@example.org"), new("Name", Short(10)), new("Organisation", Short(11)), new("Role", Roles.Contributor), new("Password", "Long-enough-password-1")],
            tokenFrom: "/admin/users"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var users = await client.GetStringAsync(new Uri("/admin/users", UriKind.Relative));
        InertHtml.AssertInert(users, "xss10", "users");
        InertHtml.AssertInert(users, "xss11", "users");

        using (var refused = await Forms.PostAsync(client, "/admin/users?handler=Create",
            [new("Email", Short(12)), new("Name", Short(13)), new("Role", Roles.Analyst), new("Password", "Long-enough-password-1")], tokenFrom: "/admin/users"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            InertHtml.AssertInert(html, "xss12", "users with errors");
            InertHtml.AssertInert(html, "xss13", "users with errors");
        }

        InertHtml.AssertInert(await client.GetStringAsync(new Uri("/admin/audit", UriKind.Relative)), "xss9", "audit trail");
    }

    [Fact]
    public async Task UploadFileName_IsInertInTheErrorsAndTheAuditTrail()
    {
        var client = factory.ClientAs(Roles.Analyst);
        var token = await Forms.TokenAsync(client, "/entry/upload");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("Indicator,Period,Value\r\nNOPE,never,x\r\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        // No slash in it: the server keeps only the name after the last one.
        content.Add(file, "file", "xss14<img src=x id=xss-img-14 onerror=alert(14)><svg id=xss-svg-14 onload=alert(14)>.csv");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        using var response = await client.PostAsync(new Uri("/entry/upload", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        InertHtml.AssertInert(html, "xss14", "upload errors");
    }

    [Theory]
    [InlineData("/dashboard?priority={0}&framework={0}&status={0}", null)]
    [InlineData("/admin/audit?search={0}", "xss15")]
    [InlineData("/entry?framework={0}&period={0}&check=1", "xss15")]
    [InlineData("/entry/upload?framework={0}&period={0}", "xss15")]
    [InlineData("/indicators/{0}", null)]
    [InlineData("/plan?priority={0}", null)]
    public async Task QueryStrings_AreInert(string template, string? expected)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(InertHtml.Payload(15)));
        using var response = await factory.ClientAs(Roles.Administrator).GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        InertHtml.AssertInert(await response.Content.ReadAsStringAsync(), expected, url);
    }

    [Fact]
    public async Task SignIn_TheTypedEmailIsEchoedAsText()
    {
        var client = factory.ClientAs(null);
        using var response = await Forms.PostAsync(client, "/account/sign-in", [new("email", Short(16)), new("password", "not-the-password")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        InertHtml.AssertInert(await response.Content.ReadAsStringAsync(), "xss16", "sign-in");
    }
}
