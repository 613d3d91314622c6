using System.Net;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// A wrong password for a real account and any password for a name with no account do the same work — one password
/// hash verification each — and get the same answer, so neither the page nor its timing says which accounts exist.
/// </summary>
public sealed class SignInWorkTests : IClassFixture<SignInWorkTests.CountingFactory>
{
    private readonly CountingFactory _factory;

    public SignInWorkTests(CountingFactory factory) => _factory = factory;

    [Fact]
    public async Task UnknownAndKnownAccounts_CostOneHashVerificationEach_AndGetTheSameAnswer()
    {
        var client = _factory.ClientAs(null);
        var answers = new List<string>();
        foreach (var email in new[] { "board@example.org", "nobody-here@example.org" })
        {
            var before = _factory.Verifications;
            using var response = await Forms.PostAsync(client, "/account/sign-in", [new("email", email), new("password", "not-the-password-1")]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, _factory.Verifications - before);
            var html = await response.Content.ReadAsStringAsync();
            answers.Add(html.Contains("The email address or password is not right", StringComparison.Ordinal) ? "not right" : html);
        }

        Assert.Equal(["not right", "not right"], answers);
    }

    /// <summary>The app over SQLite with the password hasher counting its verifications.</summary>
    public sealed class CountingFactory : SqliteWebFactory
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<WebUser>>(sp =>
                new CountingHasher(ActivatorUtilities.CreateInstance<PasswordHasher<WebUser>>(sp), () => Interlocked.Increment(ref _verifications))));
        }
    }

    private sealed class CountingHasher(IPasswordHasher<WebUser> inner, Action counted) : IPasswordHasher<WebUser>
    {
        public string HashPassword(WebUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(WebUser user, string hashedPassword, string providedPassword)
        {
            counted();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
