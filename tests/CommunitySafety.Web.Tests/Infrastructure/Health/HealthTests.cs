using System.Net;
using System.Text.Json;
using CommunitySafety.Web.Tests.Reliability;

namespace CommunitySafety.Web.Tests.Infrastructure.Health;

/// <summary>
/// /health (liveness) and /health/ready (the monitoring database and the analytical store) on a real instance, anonymous
/// and never cached; readiness follows the analytical store: none yet (degraded, still 200), a damaged file (503).
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_IsAnonymous_AndReadinessNamesEachStore()
    {
        var folder = Path.Combine(Path.GetTempPath(), "csp-health-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var connection = $"Data Source={Path.Combine(folder, "csp.db")}";
            await using (var app = await WebInstance.StartAsync("sqlite", connection))
            {
                using var client = app.Client(new CookieContainer());
                using var live = await client.GetAsync(new Uri("health", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                Assert.Equal("no-store", live.Headers.CacheControl?.ToString());
                Assert.Equal("Healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

                // WebInstance points the analytical store at a file that does not exist: degraded, still in service.
                using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal("Degraded", checks.GetProperty("status").GetString());
                Assert.Equal("Healthy", checks.GetProperty("checks").GetProperty("monitoring-database").GetProperty("status").GetString());
                Assert.Equal("Degraded", checks.GetProperty("checks").GetProperty("analytical-store").GetProperty("status").GetString());
            }

            // An analytical store that is there but is not a DuckDB store: not ready.
            var damaged = Path.Combine(folder, "damaged.duckdb");
            await File.WriteAllTextAsync(damaged, "this is not a database");
            await using (var app = await WebInstance.StartAsync("sqlite", connection, ("Store:Analytical", damaged)))
            {
                using var client = app.Client(new CookieContainer());
                using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal("Unhealthy", checks.GetProperty("checks").GetProperty("analytical-store").GetProperty("status").GetString());
                Assert.Equal("Healthy", checks.GetProperty("checks").GetProperty("monitoring-database").GetProperty("status").GetString());
                using var live = await client.GetAsync(new Uri("health", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
