using System.Net;

namespace CommunitySafety.Web.Tests.Reliability;

/// <summary>
/// PostgreSQL going away under a running app (a private cluster, stopped and started by the test): requests get the
/// GOV.UK "service unavailable" page (503, no exception details), nothing is half-written, and the same app serves
/// again once the database is back, without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Database = "csp_outage";
    private const string Period = "Q1 2026/27";
    private static readonly string EntryUrl = "entry/form?framework=DAMF&period=" + Uri.EscapeDataString(Period);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(90);
    private PrivatePostgres _postgres = null!;
    private WebInstance _app = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartNewAsync();
        await _postgres.ExecuteAsync("postgres", $"CREATE DATABASE {Database}");
        _app = await WebInstance.StartAsync("postgresql", _postgres.ConnectionString(Database), ("Demo:Seed", "true"), ("Demo:Password", WebFactory.Password));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task PostgresStoppedThenStarted_RequestsGetTheUnavailablePage_NothingIsWritten_AndTheAppRecovers()
    {
        using var client = await SignedInAnalystAsync();
        var before = await CountsAsync();
        var token = await Forms.TokenAsync(client, EntryUrl);

        await _postgres.StopAsync();

        using (var page = await client.GetAsync(new Uri("dashboard", UriKind.Relative)))
        {
            await AssertUnavailablePageAsync(page);
        }

        using (var indicator = await client.GetAsync(new Uri("indicators/DA-C2", UriKind.Relative)))
        {
            await AssertUnavailablePageAsync(indicator);
        }

        using (var submit = await PostEntryAsync(client, token, "21", "30", "Written while the database was stopped"))
        {
            await AssertUnavailablePageAsync(submit);
        }

        // Liveness does not touch the database (a load balancer must not restart the instance); readiness says it is away.
        using (var anonymous = _app.Client(new CookieContainer()))
        {
            using var live = await anonymous.GetAsync(new Uri("health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            using var ready = await anonymous.GetAsync(new Uri("health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var json = await ready.Content.ReadAsStringAsync();
            Assert.Contains("\"monitoring-database\":{\"status\":\"Unhealthy\",\"description\":\"The monitoring database cannot be reached.\"}", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", json, StringComparison.Ordinal);
        }

        await _postgres.StartAsync();

        // The same app, not restarted: every answer until it is back is the unavailable page, never a 500.
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        HttpStatusCode status;
        do
        {
            using var probe = await client.GetAsync(new Uri("dashboard", UriKind.Relative));
            status = probe.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await AssertUnavailablePageAsync(probe);
                await Task.Delay(250);
            }
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
        using (var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        Assert.Equal(before, await CountsAsync());
        using (var submit = await PostEntryAsync(client, await Forms.TokenAsync(client, EntryUrl), "21", "30", "Written after the restart"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        var after = await CountsAsync();
        Assert.Equal(before.Values + 1, after.Values);
        Assert.Equal(before.Commentaries + 1, after.Commentaries);
        Assert.Equal(before.Audit + 2, after.Audit);
    }

    [Fact]
    public async Task ConnectionLostHalfWayThroughASubmission_NeitherTheValueNorItsAuditEntryIsKept()
    {
        using var client = await SignedInAnalystAsync();
        var before = await CountsAsync();

        // The server ends the session when the commentary is written, after the value and its audit entry: as if
        // PostgreSQL had been stopped between the two.
        await _postgres.ExecuteAsync(Database, """
            CREATE FUNCTION csp_lose_connection() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW."Markdown" LIKE '%lose the connection here%' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER csp_lose_connection BEFORE INSERT ON "Commentaries" FOR EACH ROW EXECUTE FUNCTION csp_lose_connection();
            """);
        try
        {
            using var submit = await PostEntryAsync(client, await Forms.TokenAsync(client, EntryUrl), "22", "31", "Please lose the connection here");
            await AssertUnavailablePageAsync(submit);
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            await _postgres.ExecuteAsync(Database, "DROP TRIGGER csp_lose_connection ON \"Commentaries\"; DROP FUNCTION csp_lose_connection();");
        }

        // The pool drops the dead connection: the next submission is stored whole.
        using var again = await PostEntryAsync(client, await Forms.TokenAsync(client, EntryUrl), "22", "31", "Stored whole");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(before.Values + 1, (await CountsAsync()).Values);
    }

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Contains("Sorry, the service is unavailable", html, StringComparison.Ordinal);
        Assert.Contains("govuk-heading-l", html, StringComparison.Ordinal);
        foreach (var detail in new[] { "Exception", "Npgsql", "   at ", "StackTrace", ".cs:line" })
        {
            Assert.DoesNotContain(detail, html, StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> SignedInAnalystAsync()
    {
        var client = _app.Client(new CookieContainer());
        using var signIn = await Forms.PostAsync(client, "account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> PostEntryAsync(HttpClient client, string token, string count, string denominator, string commentary) =>
        client.PostAsync(new Uri(EntryUrl, UriKind.Relative), new FormUrlEncodedContent(
        [
            new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", count), new("Rows[0].Denominator", denominator), new("Rows[0].Commentary", commentary),
            new("Status", "Provisional"), new("action", "submit"), new("__RequestVerificationToken", token),
        ]));

    private async Task<(long Values, long Commentaries, long Audit)> CountsAsync() =>
        (await _postgres.ScalarAsync(Database, "SELECT count(*) FROM \"IndicatorValues\""),
         await _postgres.ScalarAsync(Database, "SELECT count(*) FROM \"Commentaries\""),
         await _postgres.ScalarAsync(Database, "SELECT count(*) FROM \"WebAuditEntries\""));
}
