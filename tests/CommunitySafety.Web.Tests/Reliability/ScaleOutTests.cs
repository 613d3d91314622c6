using System.Net;
using System.Text.Json;

namespace CommunitySafety.Web.Tests.Reliability;

/// <summary>
/// Two real instances on two loopback ports over one PostgreSQL database, as behind a load balancer: a person signed
/// in on one is signed in on the other, a form served by one is accepted by the other, a write on one is read on the
/// other. A third instance with another Data Protection application name shows the sharing is what makes it work.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private const string Period = "Q2 2026/27";
    private static readonly string EntryUrl = "entry/form?framework=DAMF&period=" + Uri.EscapeDataString(Period);
    private TwoInstances _instances = null!;

    public async Task InitializeAsync() => _instances = await TwoInstances.StartAsync("csp_scale_out");

    public async Task DisposeAsync() => await _instances.DisposeAsync();

    [Fact]
    public async Task SignedInOnOne_UsesTheOther_AndAWriteOnOneIsReadOnTheOther()
    {
        Assert.NotEqual(_instances.First.BaseAddress.Port, _instances.Second.BaseAddress.Port);
        var browser = new CookieContainer();
        using var first = _instances.First.Client(browser);
        using var second = _instances.Second.Client(browser);

        // Not signed in: the second instance sends the person to the sign-in page.
        using (var anonymous = await second.GetAsync(new Uri("dashboard", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        // Sign in on the first instance (its form, its anti-forgery token).
        using (var signIn = await Forms.PostAsync(first, "account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/dashboard", signIn.Headers.Location?.OriginalString);
        }

        // The cookie made by the first instance is good on the second.
        using (var dashboard = await second.GetAsync(new Uri("dashboard", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("Ana Analyst", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The entry form comes from the second instance; it is posted to the first.
        var token = await Forms.TokenAsync(second, EntryUrl);
        using (var submit = await first.PostAsync(new Uri(EntryUrl, UriKind.Relative), new FormUrlEncodedContent(
            [
                new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", "13"), new("Rows[0].Denominator", "17"),
                new("Status", "Provisional"), new("action", "submit"), new("__RequestVerificationToken", token),
            ])))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        // Read on the second instance.
        var values = JsonDocument.Parse(await second.GetStringAsync(new Uri("api/indicators/DA-C2/values", UriKind.Relative))).RootElement;
        var stored = values.EnumerateArray().Single(v => v.GetProperty("period").GetString() == Period && v.GetProperty("enteredBy").GetString() == "analyst@example.org");
        Assert.Equal(13, stored.GetProperty("count").GetDouble());
        Assert.Equal(17, stored.GetProperty("denominator").GetDouble());
        Assert.Equal(1, await _instances.Database.ScalarAsync("SELECT count(*) FROM \"WebDataProtectionKeys\""));

        // An installation with another application name does not accept the cookie: sharing the key ring is the point.
        await using var stranger = await WebInstance.StartAsync("postgresql", _instances.Database.ConnectionString, ("DataProtection:ApplicationName", "another-installation"));
        using var strangerClient = stranger.Client(browser);
        using var refused = await strangerClient.GetAsync(new Uri("dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/sign-in", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
