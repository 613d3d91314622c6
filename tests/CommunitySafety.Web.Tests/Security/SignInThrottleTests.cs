using System.Net;
using System.Text.RegularExpressions;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// The doubling wait after failed sign-ins, counted per network and name typed: worked by hand against a clock the test
/// moves (no timing).
/// </summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public void TheWait_IsNoneForTheFreeFailures_ThenDoublesFromOneSecond_UpToFiveMinutes()
    {
        Assert.Equal(TimeSpan.Zero, SignInThrottle.WaitAfter(2, 3));
        Assert.Equal(TimeSpan.FromSeconds(1), SignInThrottle.WaitAfter(3, 3));
        Assert.Equal(TimeSpan.FromSeconds(2), SignInThrottle.WaitAfter(4, 3));
        Assert.Equal(TimeSpan.FromSeconds(256), SignInThrottle.WaitAfter(11, 3));
        Assert.Equal(TimeSpan.FromMinutes(5), SignInThrottle.WaitAfter(12, 3));
        Assert.Equal(TimeSpan.FromMinutes(5), SignInThrottle.WaitAfter(1000, 3));
        Assert.Equal("1 second", SignInThrottle.Words(TimeSpan.FromSeconds(0.2)));
        Assert.Equal("8 seconds", SignInThrottle.Words(TimeSpan.FromSeconds(8)));
        Assert.Equal("5 minutes", SignInThrottle.Words(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void ANetwork_IsAnIPv4Address_OrAnIPv6Slash64()
    {
        Assert.Equal("203.0.113.9", SignInThrottle.Network(IPAddress.Parse("203.0.113.9")));
        Assert.Equal("203.0.113.9", SignInThrottle.Network(IPAddress.Parse("::ffff:203.0.113.9")));
        Assert.Equal("2001:db8:1:2::/64", SignInThrottle.Network(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.Equal(SignInThrottle.Network(IPAddress.Parse("2001:db8:1:2::1")), SignInThrottle.Network(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.Equal("unknown", SignInThrottle.Network(null));
    }

    [Fact]
    public void Failures_SlowOnlyTheirNetworkAndName_AndAreForgottenAfterFifteenQuietMinutes()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        var attacker = IPAddress.Parse("203.0.113.9");
        var partner = IPAddress.Parse("198.51.100.7");
        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(attacker, "partner@example.org"));
            throttle.Failed(attacker, "partner@example.org");
        }

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.WaitBefore(attacker, "PARTNER@example.org "));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(partner, "partner@example.org"));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(attacker, "someone-else@example.org"));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(attacker, "partner@example.org"));
        throttle.Failed(attacker, "partner@example.org");
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.WaitBefore(attacker, "partner@example.org"));

        // Many names from one network: after 20 failures in all, every name waits.
        for (var n = 0; n < 16; n++)
        {
            throttle.Failed(attacker, $"guess{n}@example.org");
        }

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.WaitBefore(attacker, "never-tried@example.org"));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(partner, "never-tried@example.org"));

        clock.Advance(TimeSpan.FromMinutes(16));
        throttle.Failed(attacker, "partner@example.org");
        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(attacker, "partner@example.org"));

        // A successful sign-in clears the name's count from that network.
        throttle.Failed(attacker, "partner@example.org");
        throttle.Failed(attacker, "partner@example.org");
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.WaitBefore(attacker, "partner@example.org"));
        throttle.Succeeded(attacker, "partner@example.org");
        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(attacker, "partner@example.org"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

/// <summary>
/// Through the real sign-in form: guessing from one network cannot shut a partner out (no account lockout), and every
/// answer — page, status and Retry-After — is the same for an account that exists, one that does not and one that is
/// disabled.
/// </summary>
public sealed partial class SignInThrottleFormTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    [Fact]
    public async Task GuessingFromOneNetwork_SlowsThatNetwork_AndThePartnerStillSignsInFromTheirs()
    {
        var attacker = factory.ClientAs(null);
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < 8; n++)
        {
            using var guess = await PostSignInAsync(attacker, "203.0.113.9", "contributor@example.org", "guess-number-" + n);
            statuses.Add(guess.StatusCode);
            if (guess.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("1", guess.Headers.GetValues("Retry-After").Single());
                Assert.Contains("Too many failed sign-ins from your network. Wait 1 second, then try again.", await guess.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // The right password from the attacker's network is refused too while it waits: the wait is not a hint.
        using (var right = await PostSignInAsync(attacker, "203.0.113.9", "contributor@example.org", WebFactory.Password))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        }

        using var partner = await PostSignInAsync(factory.ClientAs(null), "198.51.100.7", "contributor@example.org", WebFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, partner.StatusCode);
        Assert.Equal("/dashboard", partner.Headers.Location?.OriginalString);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
        var account = await users.FindByNameAsync("contributor@example.org");
        Assert.False(await users.IsLockedOutAsync(account!));
    }

    [Fact]
    public async Task KnownUnknownAndDisabledAccounts_GetTheSameAnswers_AttemptByAttempt()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
            var disabled = await users.FindByNameAsync("public@example.org");
            await users.SetLockoutEndDateAsync(disabled!, WebUser.DisabledUntil);
        }

        var cases = new (string Address, string Email, string Password)[]
        {
            ("192.0.2.1", "board@example.org", "a-wrong-password-1"),
            ("192.0.2.2", "nobody-at-all@example.org", "a-wrong-password-1"),
            ("192.0.2.3", "public@example.org", WebFactory.Password),
            ("192.0.2.4", "public@example.org", "a-wrong-password-1"),
        };
        var answers = new List<string>();
        foreach (var (address, email, password) in cases)
        {
            var client = factory.ClientAs(null);
            var sequence = new List<string>();
            for (var n = 0; n < 5; n++)
            {
                using var response = await PostSignInAsync(client, address, email, password);
                var retry = response.Headers.TryGetValues("Retry-After", out var r) ? r.Single() : "-";
                var html = Token().Replace(await response.Content.ReadAsStringAsync(), "TOKEN").Replace(email, "EMAIL", StringComparison.Ordinal);
                sequence.Add($"{(int)response.StatusCode} {retry} {html}");
            }

            answers.Add(string.Join("\n----\n", sequence));
        }

        Assert.Contains("The email address or password is not right", answers[0], StringComparison.Ordinal);
        Assert.DoesNotContain("locked", answers[2], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("disabled", answers[2], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
        Assert.Equal(answers[0], answers[3]);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string address, string email, string password)
    {
        client.DefaultRequestHeaders.Remove(TestAddress.Header);
        client.DefaultRequestHeaders.Add(TestAddress.Header, address);
        return await Forms.PostAsync(client, "/account/sign-in", [new("email", email), new("password", password)]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex Token();
}
