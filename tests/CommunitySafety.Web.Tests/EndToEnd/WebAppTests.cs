using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.EndToEnd;

/// <summary>The app end to end over the real database: the same tests on SQLite and on PostgreSQL.</summary>
public abstract class WebAppTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebFactory
{
    private static readonly string EntryUrl = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q1 2026/27");

    [Fact]
    public async Task Dashboard_AsAnalyst_ShowsPrioritiesAndTheJudgementServicesVerdicts()
    {
        var html = await factory.ClientAs(Roles.Analyst).GetStringAsync(new Uri("/dashboard", UriKind.Relative));

        using var scope = factory.Services.CreateScope();
        var judgements = await scope.ServiceProvider.GetRequiredService<IndicatorStatusService>().JudgeFrameworkAsync("DAMF");
        Assert.NotEmpty(judgements);
        foreach (var j in judgements)
        {
            Assert.Contains($"href=\"/indicators/{j.IndicatorCode}\"", html, StringComparison.Ordinal);
        }

        var refuge = judgements.Single(j => j.IndicatorCode == "DA-E1");
        var tile = html[html.IndexOf("href=\"/indicators/DA-E1\"", StringComparison.Ordinal)..];
        tile = tile[..tile.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(refuge.Trend.Marker.ToLabel()), tile, StringComparison.Ordinal);
        Assert.Contains($"Year on year: {refuge.SinceSamePeriodLastYear.Outcome.ToLabel()}", tile, StringComparison.Ordinal);
        Assert.Contains(refuge.Period.ToString(), tile, StringComparison.Ordinal);
        Assert.Contains("Domestic Abuse Monitoring Framework", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_FilteredByFramework_ShowsOnlyThatFramework()
    {
        var html = await factory.ClientAs(Roles.BoardMember).GetStringAsync(new Uri("/dashboard?framework=YJP", UriKind.Relative));
        Assert.DoesNotContain("href=\"/indicators/DA-E1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/indicators/YJ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachedPageHtml_IsKeptPerStampAndPerWhatTheUserMayDo()
    {
        // The page's HTML is kept per stamp (StampedHtmlTagHelper); the "Enter a value" button differs by user.
        var analyst = factory.ClientAs(Roles.Analyst);
        var board = factory.ClientAs(Roles.BoardMember);
        var refuge = factory.ClientAs(Roles.Contributor, "Refuge");
        for (var round = 0; round < 2; round++)
        {
            Assert.Contains("Enter a value", await analyst.GetStringAsync(new Uri("/indicators/DA-E1", UriKind.Relative)), StringComparison.Ordinal);
            Assert.DoesNotContain("Enter a value", await board.GetStringAsync(new Uri("/indicators/DA-E1", UriKind.Relative)), StringComparison.Ordinal);
            Assert.Contains("Enter a value", await refuge.GetStringAsync(new Uri("/indicators/DA-E1", UriKind.Relative)), StringComparison.Ordinal);
            Assert.DoesNotContain("Enter a value", await refuge.GetStringAsync(new Uri("/indicators/DA-D1", UriKind.Relative)), StringComparison.Ordinal);
        }

        // A page from the cache is the page rendered the first time, apart from the per-request anti-forgery token.
        var first = WithoutTokens(await analyst.GetStringAsync(new Uri("/dashboard?framework=DAMF", UriKind.Relative)));
        var second = WithoutTokens(await analyst.GetStringAsync(new Uri("/dashboard?framework=DAMF", UriKind.Relative)));
        Assert.Equal(first, second);
        Assert.Contains("href=\"/indicators/DA-E1\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<stamped-html", first, StringComparison.Ordinal);

        // A filter that is not one offered is rendered, not kept; its page is still right.
        var odd = await board.GetStringAsync(new Uri("/dashboard?framework=NOPE", UriKind.Relative));
        Assert.DoesNotContain("href=\"/indicators/", odd, StringComparison.Ordinal);
        Assert.Contains("0 indicators shown.", odd, StringComparison.Ordinal);
    }

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "token");

    [Fact]
    public async Task IndicatorPage_ShowsCommentaryAndTheCsvHasEveryPeriod()
    {
        var client = factory.ClientAs(Roles.BoardMember);
        var html = await client.GetStringAsync(new Uri("/indicators/DA-02", UriKind.Relative));
        Assert.Contains("up 17% (+121) on 700 in 2023/24", html, StringComparison.Ordinal);
        Assert.Contains("Download CSV", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);

        using var csv = await client.GetAsync(new Uri("/api/indicators/DA-02/values.csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Indicator,Period", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        var values = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/indicators/DA-02/values", UriKind.Relative));
        Assert.Equal(values.GetArrayLength(), lines.Length - 1);
    }

    [Fact]
    public async Task Contributor_SubmitsTheirOwnIndicator_ValueStoredAuditedAndCommentaryRenderedSafely()
    {
        var client = factory.ClientAs(Roles.Contributor, "Refuge");
        var form = await client.GetStringAsync(new Uri(EntryUrl, UriKind.Relative));
        Assert.Contains("DA-E1", form, StringComparison.Ordinal);
        Assert.DoesNotContain("DA-D1", form, StringComparison.Ordinal);

        using var response = await Forms.PostAsync(client, EntryUrl,
        [
            new("Rows[0].Code", "DA-E1"), new("Rows[0].Count", "40"), new("Rows[0].Denominator", "44"),
            new("Rows[0].Commentary", "A **good** quarter <script>alert('x')</script> [link](javascript:alert(1))"),
            new("Status", "Provisional"), new("action", "submit"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var period = ReportingPeriod.Parse("Q1 2026/27");
        var stored = await db.IndicatorValues.SingleAsync(v => v.Indicator!.Code == "DA-E1" && v.PeriodKind == period.Kind && v.PeriodStart == period.FirstMonth.Index);
        Assert.Equal(40d / 44 * 100, stored.Value!.Value, 9);
        Assert.Equal("Contributor@test.example", stored.EnteredBy);
        var audit = await scope.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries.Where(a => a.EntityKey.StartsWith("DA-E1 Q1 2026/27")).ToListAsync();
        Assert.Contains(audit, a => a.Action == "Value submitted" && a.User == "Contributor@test.example" && a.After!.Contains("40", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "Commentary written");

        var page = await factory.ClientAs(Roles.Analyst).GetStringAsync(new Uri("/indicators/DA-E1", UriKind.Relative));
        Assert.Contains("<strong>good</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.Contains("Latest: Q1 2026/27", page, StringComparison.Ordinal);

        var auditPage = await factory.ClientAs(Roles.Analyst).GetStringAsync(new Uri("/admin/audit?search=DA-E1", UriKind.Relative));
        Assert.Contains("Value submitted", auditPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contributor_PostsAnotherOrganisationsIndicator_IsForbiddenAndNothingIsStored()
    {
        var client = factory.ClientAs(Roles.Contributor, "Refuge");
        using var response = await Forms.PostAsync(client, EntryUrl,
            [new("Rows[0].Code", "DA-D1"), new("Rows[0].Count", "10"), new("Rows[0].Denominator", "40"), new("action", "submit")]);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var start = ReportingPeriod.Parse("Q1 2026/27").FirstMonth.Index;
        Assert.False(await db.IndicatorValues.AnyAsync(v => v.Indicator!.Code == "DA-D1" && v.PeriodStart == start && v.PeriodKind == PeriodKind.FinancialQuarter));
    }

    [Fact]
    public async Task Submit_WithAValueThatIsNotANumber_ShowsTheErrorSummaryAndTheInlineError()
    {
        var client = factory.ClientAs(Roles.Analyst);
        using var response = await Forms.PostAsync(client, EntryUrl,
            [new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", "lots"), new("action", "submit")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#DA-C2-count\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"DA-C2-count-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IsKeptForThePersonButNotStoredAsAValue()
    {
        var client = factory.ClientAs(Roles.Analyst);
        var url = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q2 2026/27");
        using var response = await Forms.PostAsync(client, url, [new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", "9"), new("Rows[0].Denominator", "20"), new("action", "draft")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains("editing a draft", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9\"", html, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var start = ReportingPeriod.Parse("Q2 2026/27").FirstMonth.Index;
        Assert.False(await scope.ServiceProvider.GetRequiredService<MonitoringDbContext>().IndicatorValues
            .AnyAsync(v => v.Indicator!.Code == "DA-C2" && v.PeriodStart == start && v.PeriodKind == PeriodKind.FinancialQuarter));
    }

    [Fact]
    public async Task PublicView_SuppressesCountsBelowTheDisclosureThreshold()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IndicatorValueStore>();
            await store.RecordAsync(new IndicatorValueInput("DA-B3", ReportingPeriod.Parse("Q2 2026/27"), "E06000032") { Count = 3 }, "test");
        }

        var client = factory.ClientAs(null);
        var published = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/public/indicators", UriKind.Relative));
        var b3 = published.EnumerateArray().Single(e => e.GetProperty("code").GetString() == "DA-B3");
        Assert.True(b3.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, b3.GetProperty("value").ValueKind);
        var html = await client.GetStringAsync(new Uri("/public", UriKind.Relative));
        Assert.Contains("Suppressed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/indicators/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedReport_IsServedToAnyone_WithAStrictPolicyOfItsOwn()
    {
        using var response = await factory.ClientAs(null).GetAsync(new Uri("/public/reports/progress.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Web.Features.Reports.ReportsApi.ReportContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var word = await factory.ClientAs(Roles.Analyst).GetAsync(new Uri("/reports/progress.docx?variant=published", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignIn_WithTheRealForm_SlowsGuessingWithoutLockingTheAccount()
    {
        var client = factory.ClientAs(null);
        var ok = await Forms.PostAsync(client, "/account/sign-in", [new("email", "board@example.org"), new("password", WebFactory.Password)]);
        Assert.Equal("/dashboard", ok.Headers.Location?.OriginalString);
        Assert.Contains(ok.Headers.GetValues("Set-Cookie"), c => c.StartsWith("csp-session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);

        var other = factory.ClientAs(null);
        other.DefaultRequestHeaders.Add(TestAddress.Header, "203.0.113.50");
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < 5; n++)
        {
            using var wrong = await Forms.PostAsync(other, "/account/sign-in", [new("email", "board@example.org"), new("password", "wrong-password-" + n)]);
            statuses.Add(wrong.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var elsewhere = factory.ClientAs(null);
        elsewhere.DefaultRequestHeaders.Add(TestAddress.Header, "198.51.100.50");
        using var signedIn = await Forms.PostAsync(elsewhere, "/account/sign-in", [new("email", "board@example.org"), new("password", WebFactory.Password)]);
        Assert.Equal("/dashboard", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders_AndAPostWithoutTheTokenIsRefused()
    {
        var client = factory.ClientAs(Roles.Analyst);
        using var page = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());

        using var forged = await client.PostAsync(new Uri(EntryUrl, UriKind.Relative),
            new FormUrlEncodedContent([new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", "1"), new("action", "submit")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Api_ListsIndicatorsAsTypedJson_AndTheOpenApiDocumentDescribesIt()
    {
        var client = factory.ClientAs(Roles.BoardMember);
        var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/indicators", UriKind.Relative));
        var first = list.EnumerateArray().First();
        Assert.True(first.TryGetProperty("trend", out var trend) && trend.ValueKind == JsonValueKind.String);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/indicators/NOPE", UriKind.Relative))).StatusCode);

        var openApi = await factory.ClientAs(null).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/indicators/{code}/values", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/public/indicators", openApi, StringComparison.Ordinal);
    }
}

public sealed class SqliteWebAppTests(SqliteWebFactory factory) : WebAppTests<SqliteWebFactory>(factory);

public sealed class PostgreSqlWebAppTests(PostgreSqlWebFactory factory) : WebAppTests<PostgreSqlWebFactory>(factory);
