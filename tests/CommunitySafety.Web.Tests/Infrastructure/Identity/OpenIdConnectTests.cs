using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Infrastructure.Identity;

/// <summary>The app with OpenID Connect configured (no identity provider is contacted until someone uses it).</summary>
public sealed class OidcSqliteWebFactory : SqliteWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:Oidc:Authority", "https://login.example.org/tenant/v2.0");
        builder.UseSetting("Authentication:Oidc:ClientId", "csp-web");
        builder.UseSetting("Authentication:Oidc:DisplayName", "Council account");
    }
}

public sealed class OpenIdConnectTests(OidcSqliteWebFactory factory) : IClassFixture<OidcSqliteWebFactory>
{
    [Fact]
    public async Task Configured_SignInPageOffersTheOrganisationAccount_WithItsOwnCookieScheme()
    {
        var html = await factory.ClientAs(null).GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.Contains("Sign in with Council account", html, StringComparison.Ordinal);

        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync("OpenIdConnect"));
        Assert.NotNull(await schemes.GetSchemeAsync(Web.Infrastructure.Identity.AccountSetup.ExternalScheme));
    }
}
