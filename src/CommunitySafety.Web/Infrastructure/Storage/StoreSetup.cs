using CommunitySafety.Monitoring.Export;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.ValueImport;
using CommunitySafety.Monitoring.Values;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>
/// Where the app keeps its data, from configuration: <c>Store:Provider</c> (<c>sqlite</c>, the default, or
/// <c>postgresql</c>), <c>Store:ConnectionString</c> (default: the SQLite file <c>data/csp-monitoring.db</c>) and
/// <c>Store:Analytical</c>, the DuckDB file of crime counts (default <c>data/csp.duckdb</c>).
/// </summary>
/// <param name="Monitoring">The monitoring store (also holds the web tables).</param>
/// <param name="AnalyticalStorePath">The DuckDB analytical store, which may not exist.</param>
public sealed record WebStoreOptions(MonitoringStoreOptions Monitoring, string AnalyticalStorePath)
{
    /// <summary>The default analytical store, relative to the working folder.</summary>
    public const string DefaultAnalyticalStore = "data/csp.duckdb";

    /// <summary>Reads the options from configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The options.</returns>
    public static WebStoreOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var monitoring = MonitoringStoreOptions.FromConfiguration(configuration["Store:Provider"], configuration["Store:ConnectionString"]);
        var analytical = configuration["Store:Analytical"] is { Length: > 0 } a ? a : DefaultAnalyticalStore;
        return new WebStoreOptions(monitoring, Path.GetFullPath(analytical));
    }
}

/// <summary>Registers the stores.</summary>
public static class StoreSetup
{
    /// <summary>
    /// Adds the monitoring store (one context per request), the web tables on the same database, the services over
    /// them, and the start-up step that migrates both (and seeds the demo plan when <c>Demo:Seed</c> is true).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddStores(this WebApplicationBuilder builder)
    {
        // Read when first needed, so that configuration added after this call (tests, csp serve) still counts.
        var services = builder.Services;
        services.AddSingleton(sp => WebStoreOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped(sp => MonitoringDatabase.CreateContext(sp.GetRequiredService<WebStoreOptions>().Monitoring, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IndicatorStatusService>();
        services.AddSingleton<CommunitySafety.Web.Infrastructure.Caching.StoreVersionCache>();
        services.AddScoped<IndicatorValueStore>();
        services.AddScoped<IndicatorValueImporter>();
        services.AddScoped<FrameworkWorkbooks>();
        // The web tables use the monitoring store's connection (one per request, not two), so one transaction can hold
        // a value and its audit entry (StoreTransaction). The monitoring context owns the connection and closes it.
        // Their options are built once, without a connection; each request's context is then given the monitoring
        // store's connection (building options per request was a large part of a cached page's CPU: every request
        // resolves the account services for the sign-in cookie's security stamp check).
        services.AddSingleton(new DbContextOptionsBuilder<PostgreSqlWebDbContext>().UseNpgsql(x => x.MigrationsHistoryTable(WebDbContext.HistoryTable)).Options);
        services.AddSingleton(new DbContextOptionsBuilder<SqliteWebDbContext>().UseSqlite(x => x.MigrationsHistoryTable(WebDbContext.HistoryTable)).Options);
        services.AddScoped(sp => OnMonitoringConnection(new PostgreSqlWebDbContext(sp.GetRequiredService<DbContextOptions<PostgreSqlWebDbContext>>()), sp));
        services.AddScoped(sp => OnMonitoringConnection(new SqliteWebDbContext(sp.GetRequiredService<DbContextOptions<SqliteWebDbContext>>()), sp));
        services.AddScoped<WebDbContext>(sp => sp.GetRequiredService<WebStoreOptions>().Monitoring.Provider == MonitoringDatabaseProvider.PostgreSql
            ? sp.GetRequiredService<PostgreSqlWebDbContext>()
            : sp.GetRequiredService<SqliteWebDbContext>());

        services.AddScoped<StoreTransaction>();
        services.AddScoped<AuditLog>();
        return builder;
    }

    private static T OnMonitoringConnection<T>(T context, IServiceProvider services)
        where T : WebDbContext
    {
        context.Database.SetDbConnection(services.GetRequiredService<MonitoringDbContext>().Database.GetDbConnection(), contextOwnsConnection: false);
        return context;
    }
}
