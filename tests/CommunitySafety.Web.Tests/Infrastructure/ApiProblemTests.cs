using System.Net;
using System.Text.Json;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Tests.Reliability;

namespace CommunitySafety.Web.Tests.Infrastructure;

/// <summary>
/// Every error of an <c>/api</c> route is RFC 9457 problem details (<c>application/problem+json</c>, with its status and
/// a detail in words), never the HTML error page or a bare string; the same on SQLite and PostgreSQL.
/// </summary>
public abstract class ApiProblemTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebFactory
{
    [Theory]
    [InlineData(Roles.Analyst, "/api/assessment", 400, "Give an area (name or ONS code) and a financial year")]
    [InlineData(Roles.Analyst, "/api/assessment?area=Luton&year=twenty", 400, "'twenty' is not a financial year like 2024/25.")]
    [InlineData(null, "/api/indicators", 401, "Sign in first")]
    [InlineData(Roles.Public, "/api/assessment?area=Luton&year=2024/25", 403, "Your role may not use this address.")]
    [InlineData(Roles.Analyst, "/api/indicators/NO-SUCH-CODE", 404, "There is no indicator with the code 'NO-SUCH-CODE'.")]
    [InlineData(Roles.Analyst, "/api/indicators/NO-SUCH-CODE/values", 404, "There is no indicator with the code 'NO-SUCH-CODE'.")]
    [InlineData(Roles.Analyst, "/api/indicators/NO-SUCH-CODE/values.csv", 404, "There is no indicator with the code 'NO-SUCH-CODE'.")]
    [InlineData(Roles.Analyst, "/api/frameworks/NO-SUCH-CODE/export.xlsx", 404, "There is no framework with the code 'NO-SUCH-CODE'.")]
    [InlineData(Roles.Analyst, "/api/no-such-route", 404, "There is nothing at this address.")]
    public async Task ApiErrors_AreProblemDetails(string? role, string url, int status, string detail)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html"); // what a browser sends: still problem details on the API
        using var response = await factory.ClientAs(role).SendAsync(request);
        await AssertProblemAsync(response, status, detail);
    }

    /// <summary>The report downloads answer their errors as problem details too, never a bare string or the HTML error page.</summary>
    [Theory]
    [InlineData(Roles.Analyst, "/reports/progress.html?period=not-a-period", 400, "The period is not a quarter (Q4 2022/23) or a financial year (2022/23).")]
    [InlineData(Roles.Analyst, "/reports/progress.xyz", 404, "There is no report as 'xyz': ask for .html, .docx or .pdf.")]
    [InlineData(Roles.Analyst, "/reports/assessment.html?area=Luton", 400, "Give an area (name or ONS code) and a financial year")]
    [InlineData(Roles.Analyst, "/reports/assessment.pdf?year=2024/25", 400, "Give an area (name or ONS code) and a financial year")]
    [InlineData(null, "/public/reports/progress.html?period=2024-99", 400, "The period is not a quarter")]
    [InlineData(null, "/public/reports/progress.txt", 404, "There is no report as 'txt'")]
    public async Task ReportErrors_AreProblemDetails(string? role, string url, int status, string detail)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await factory.ClientAs(role).SendAsync(request);
        await AssertProblemAsync(response, status, detail);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, int status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}

public sealed class SqliteApiProblemTests(SqliteWebFactory factory) : ApiProblemTests<SqliteWebFactory>(factory);

public sealed class PostgreSqlApiProblemTests(PostgreSqlWebFactory factory) : ApiProblemTests<PostgreSqlWebFactory>(factory);

/// <summary>An exception under an API route (an analytical store that is not one) is a 500 problem, without its details.</summary>
public sealed class ApiExceptionProblemTests
{
    [Fact]
    public async Task AnExceptionUnderTheApi_IsA500Problem()
    {
        var folder = Path.Combine(Path.GetTempPath(), "csp-api-problem-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var damaged = Path.Combine(folder, "damaged.duckdb");
            await File.WriteAllTextAsync(damaged, "this is not a database");
            await using var app = await WebInstance.StartAsync("sqlite", $"Data Source={Path.Combine(folder, "csp.db")}",
                ("Store:Analytical", damaged), ("Demo:Seed", "true"), ("Demo:Password", WebFactory.Password));
            using var client = app.Client(new CookieContainer());
            using (var signIn = await Forms.PostAsync(client, "account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]))
            {
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            using var response = await client.GetAsync(new Uri("api/assessment?area=Luton&year=2024/25", UriKind.Relative));
            await ApiProblemTests<SqliteWebFactory>.AssertProblemAsync(response, 500, "Something went wrong on the server.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
