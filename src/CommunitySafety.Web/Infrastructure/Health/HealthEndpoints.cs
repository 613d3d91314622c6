using System.Text.Json;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Web.Infrastructure.Caching;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunitySafety.Web.Infrastructure.Health;

/// <summary>
/// The endpoints for load balancers and monitoring (ASP.NET Core health checks), anonymous and never cached:
/// <c>/health</c> is liveness (the process answers; no database is touched, so a database outage does not make a
/// load balancer restart every instance) and <c>/health/ready</c> is readiness (the monitoring database answers with
/// its tables, and the analytical store opens). Their JSON names each check, its status and a plain description,
/// never an exception's details.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The liveness address.</summary>
    public const string LivePath = "/health";

    /// <summary>The readiness address.</summary>
    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    /// <summary>Adds the readiness checks: the monitoring database and the analytical store.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<MonitoringDatabaseCheck>("monitoring-database", tags: [ReadyTag])
            .AddCheck<AnalyticalStoreCheck>("analytical-store", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (no checks: the process is up) and <c>/health/ready</c> (the checks tagged ready).</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Ready when the monitoring database answers the store-version query and the web tables are there.</summary>
/// <param name="services">Scopes for the database contexts.</param>
/// <param name="cache">The store-version cache (its stamp query is the cheapest read of the monitoring tables).</param>
internal sealed class MonitoringDatabaseCheck(IServiceScopeFactory services, StoreVersionCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var stamp = await cache.StampAsync(scope.ServiceProvider.GetRequiredService<MonitoringDbContext>(), cancellationToken);
            await scope.ServiceProvider.GetRequiredService<WebDbContext>().Users.AsNoTracking().Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy($"The monitoring database answers (store version {stamp}).");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(DatabaseUnavailable.Is(e)
                ? "The monitoring database cannot be reached."
                : "The monitoring database answered with an error (are its tables migrated?).");
        }
    }
}

/// <summary>
/// Ready when the analytical store opens read-only; degraded (still served: pages say there is no crime data) when no
/// store has been imported yet; unhealthy when it is there but cannot be opened.
/// </summary>
/// <param name="options">Where the store is.</param>
internal sealed class AnalyticalStoreCheck(WebStoreOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.HasAnalyticalStore())
        {
            return Task.FromResult(HealthCheckResult.Degraded("No analytical store yet: import crime data (csp import) to show crime counts."));
        }

        try
        {
            using var store = options.OpenAnalyticalStore();
            return Task.FromResult(HealthCheckResult.Healthy($"The analytical store opens (schema version {store.SchemaVersion})."));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The analytical store is there but cannot be opened (busy, damaged or from a newer version)."));
        }
    }
}
