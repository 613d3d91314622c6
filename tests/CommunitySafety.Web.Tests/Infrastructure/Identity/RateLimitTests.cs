using System.Net;

namespace CommunitySafety.Web.Tests.Infrastructure.Identity;

/// <summary>The sign-in form takes at most 10 attempts a minute from one address (its own app, so no other test is slowed).</summary>
public sealed class RateLimitTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    [Fact]
    public async Task SignIn_EleventhAttemptInAMinute_IsRefusedWith429()
    {
        var client = factory.ClientAs(null);
        var token = await Forms.TokenAsync(client, "/account/sign-in");
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < 11; n++)
        {
            using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(
                [new("email", $"nobody{n}@example.org"), new("password", "not-a-password"), new("__RequestVerificationToken", token)]));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}
