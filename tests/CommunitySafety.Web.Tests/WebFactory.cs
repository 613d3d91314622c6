using System.Security.Claims;
using System.Text.Encodings.Web;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommunitySafety.Web.Tests;

/// <summary>
/// The real app over a fresh database with the demo plan and one demo account per role. Requests carrying
/// <see cref="TestAuth.RoleHeader"/> are signed in as that role by <see cref="TestAuth"/>; others use the app's own cookie.
/// </summary>
public abstract class WebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The demo accounts' password.</summary>
    public const string Password = "Test-password-123";

    public abstract string Provider { get; }

    public string ConnectionString { get; protected set; } = string.Empty;

    /// <summary>A client signed in as <paramref name="role"/> (null: anonymous), following no redirects.</summary>
    public HttpClient ClientAs(string? role, string? organisation = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuth.RoleHeader, role);
            client.DefaultRequestHeaders.Add(TestAuth.OrganisationHeader, organisation ?? (role == Roles.Contributor ? "Refuge" : string.Empty));
        }

        return client;
    }

    public abstract Task InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync();
    }

    protected abstract Task DropDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Store:Provider", Provider);
        builder.UseSetting("Store:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Reports:Warm", "false");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestAddress>();

            // The sign-in throttle's clock stands still, so a wait never runs out during a test however slow the machine.
            services.AddSingleton(new SignInThrottle(new StoppedClock()));
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuth>(TestAuth.SchemeName, null)
                .AddPolicyScheme("TestOrCookie", null, o => o.ForwardDefaultSelector = c =>
                    c.Request.Headers.ContainsKey(TestAuth.RoleHeader) ? TestAuth.SchemeName : IdentityConstants.ApplicationScheme);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = "TestOrCookie";
                o.DefaultAuthenticateScheme = "TestOrCookie";
                o.DefaultChallengeScheme = "TestOrCookie";
                o.DefaultForbidScheme = "TestOrCookie";
            });
        });
    }
}

public class SqliteWebFactory : WebFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-web-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => "sqlite";

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "csp.db")}";
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlWebFactory : WebFactory
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    private readonly string _database = "csp_web_test_" + Guid.NewGuid().ToString("N")[..12];
    private string _server = DefaultServer;

    public override string Provider => "postgresql";

    public override async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("CSP_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultServer;
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A clock that does not move.</summary>
public sealed class StoppedClock : TimeProvider
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => At;
}

/// <summary>Gives a request the client address named in its <see cref="Header"/> (the test server gives none).</summary>
public sealed class TestAddress : IStartupFilter
{
    public const string Header = "X-Test-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && System.Net.IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return following(context);
        });
        next(app);
    };
}

/// <summary>Signs a request in as the role (and organisation) named in its headers.</summary>
public sealed class TestAuth(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string RoleHeader = "X-Test-Role";
    public const string OrganisationHeader = "X-Test-Organisation";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RoleHeader, out var role))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"{role}@test.example"),
            new(ClaimTypes.Role, role.ToString()),
            new(WebClaims.DisplayName, $"Test {role}"),
        };
        if (Request.Headers.TryGetValue(OrganisationHeader, out var org) && org.ToString().Length > 0)
        {
            claims.Add(new Claim(WebClaims.Organisation, org.ToString()));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
    }
}
