using System.Net;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Authorization;

/// <summary>
/// Every page and endpoint × every role → allowed or denied. The list of endpoints comes from the app itself, so a new
/// endpoint without a rule here fails <see cref="EveryEndpoint_HasARule_AndItsMetadataAgrees"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    private const string Anonymous = "anonymous";
    private const string SignedIn = "signed-in";

    /// <summary>The rule of each route, and a URL that exercises it.</summary>
    private static readonly Dictionary<string, (string Rule, string Url)> Rules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = (Anonymous, "/"),
        ["/error"] = (Anonymous, "/error"),
        ["/public"] = (Anonymous, "/public"),
        ["/account/sign-in"] = (Anonymous, "/account/sign-in"),
        ["/account/two-factor"] = (Anonymous, "/account/two-factor"),
        ["/account/sign-out"] = (Anonymous, "/account/sign-out"),
        ["/account/access-denied"] = (Anonymous, "/account/access-denied"),
        ["/account/security"] = (SignedIn, "/account/security"),
        ["/account"] = (SignedIn, "/account"),
        ["/account/password"] = (SignedIn, "/account/password"),
        ["/account/reset-password"] = (Anonymous, "/account/reset-password"),
        ["/accessibility"] = (Anonymous, "/accessibility"),
        ["/privacy"] = (Anonymous, "/privacy"),
        ["/cookies"] = (Anonymous, "/cookies"),
        ["/dashboard"] = (Policies.Internal, "/dashboard"),
        ["/indicators/{code}"] = (Policies.Internal, "/indicators/DA-E1"),
        ["/plan"] = (Policies.Internal, "/plan"),
        ["/plan/actions/{id:int}"] = (Policies.Analysis, "/plan/actions/1"),
        ["/areas"] = (Policies.Internal, "/areas"),
        ["/areas/profile"] = (Policies.Internal, "/areas/profile"),
        ["/areas/hotspots.{format}"] = (Policies.Internal, "/areas/hotspots.geojson?area=E06000032&year=2023/24"),
        ["/entry"] = (Policies.DataEntry, "/entry"),
        ["/entry/form"] = (Policies.DataEntry, "/entry/form?framework=DAMF&period=Q4%202022%2F23"),
        ["/entry/upload"] = (Policies.DataEntry, "/entry/upload"),
        ["/reports"] = (Policies.Analysis, "/reports"),
        ["/admin"] = (Policies.Analysis, "/admin"),
        ["/admin/audit"] = (Policies.Analysis, "/admin/audit"),
        ["/admin/users"] = (Policies.Administration, "/admin/users"),
        ["/review"] = (Policies.Analysis, "/review"),
        ["/api/indicators"] = (Policies.Internal, "/api/indicators"),
        ["/api/indicators/{code}"] = (Policies.Internal, "/api/indicators/DA-E1"),
        ["/api/indicators/{code}/values"] = (Policies.Internal, "/api/indicators/DA-E1/values"),
        ["/api/indicators/{code}/values.csv"] = (Policies.Internal, "/api/indicators/DA-E1/values.csv"),
        ["/api/frameworks/{code}/export.xlsx"] = (Policies.Internal, "/api/frameworks/DAMF/export.xlsx"),
        ["/api/public/indicators"] = (Anonymous, "/api/public/indicators"),
        ["/api/assessment"] = (Policies.Internal, "/api/assessment?area=Luton&year=2024/25"),
        ["/reports/progress.{format}"] = (Policies.Analysis, "/reports/progress.html"),
        ["/reports/assessment.{format}"] = (Policies.Analysis, "/reports/assessment.html?area=Luton&year=2023/24"),
        ["/public/reports/progress.{format}"] = (Anonymous, "/public/reports/progress.html"),
        ["/openapi/{documentName}.json"] = (Anonymous, "/openapi/v1.json"),
        ["/health"] = (Anonymous, "/health"),
        ["/health/ready"] = (Anonymous, "/health/ready"),
    };

    public static TheoryData<string?> RolesAndAnonymous()
    {
        var data = new TheoryData<string?> { (string?)null };
        foreach (var role in Roles.All)
        {
            data.Add(role);
        }

        return data;
    }

    [Fact]
    public void EveryEndpoint_HasARule_AndItsMetadataAgrees()
    {
        var endpoints = AppEndpoints();
        Assert.NotEmpty(endpoints);
        var problems = new List<string>();
        foreach (var (route, endpoint) in endpoints)
        {
            if (!Rules.TryGetValue(route, out var rule))
            {
                problems.Add($"{route}: no rule in the authorisation matrix (add one to {nameof(AuthorizationMatrixTests)}.{nameof(Rules)})");
                continue;
            }

            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var actual = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? Anonymous
                : authorize.Count == 0 ? "no rule at all" : authorize.Select(a => a.Policy).LastOrDefault(p => p is not null) ?? SignedIn;
            if (actual != rule.Rule)
            {
                problems.Add($"{route}: the app says '{actual}', the matrix '{rule.Rule}'");
            }
        }

        foreach (var stale in Rules.Keys.Except(endpoints.Select(e => e.Route), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{stale}: a rule for an endpoint the app does not have");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(RolesAndAnonymous))]
    public async Task EveryEndpoint_ForRole_IsAllowedExactlyWhenTheRuleSays(string? role)
    {
        var client = factory.ClientAs(role);
        var problems = new List<string>();
        foreach (var (route, _) in AppEndpoints().DistinctBy(e => e.Route))
        {
            var (rule, url) = Rules[route];
            var expected = rule switch
            {
                Anonymous => true,
                SignedIn => role is not null,
                _ => role is not null && Policies.RolesOf[rule].Contains(role),
            };
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || location.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase)
                || location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase);
            if (denied == expected)
            {
                problems.Add($"{url} as {role ?? "anonymous"}: expected {(expected ? "allowed" : "denied")}, got {(int)response.StatusCode} {location}");
            }
            else if (!denied && (int)response.StatusCode >= 500)
            {
                problems.Add($"{url} as {role ?? "anonymous"}: {(int)response.StatusCode}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task UnknownAddress_IsNotFoundForAnyone_NotASignInPrompt()
    {
        using var response = await factory.ClientAs(null).GetAsync(new Uri("/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private List<(string Route, RouteEndpoint Endpoint)> AppEndpoints()
    {
        var sources = factory.Services.GetServices<EndpointDataSource>();
        return [.. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => ("/" + (e.RoutePattern.RawText ?? string.Empty).Trim('/'), e))];
    }
}
