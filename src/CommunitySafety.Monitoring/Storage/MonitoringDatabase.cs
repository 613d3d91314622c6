using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunitySafety.Monitoring.Storage;

/// <summary>Which database holds the monitoring store.</summary>
public enum MonitoringDatabaseProvider
{
    /// <summary>SQLite: a single file, the embedded default.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql): a shared, multi-user installation.</summary>
    PostgreSql,
}

/// <summary>Where the monitoring store is: a provider and its connection string.</summary>
/// <param name="Provider">The database provider.</param>
/// <param name="ConnectionString">The provider's connection string, e.g. <c>Data Source=data/csp.db</c>.</param>
public sealed record MonitoringStoreOptions(MonitoringDatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file used when nothing is configured.</summary>
    public const string DefaultSqliteFile = "data/csp-monitoring.db";

    /// <summary>SQLite at <see cref="DefaultSqliteFile"/>.</summary>
    public static MonitoringStoreOptions Default { get; } = Sqlite(DefaultSqliteFile);

    /// <summary>SQLite in the file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <returns>The options.</returns>
    public static MonitoringStoreOptions Sqlite(string path) =>
        new(MonitoringDatabaseProvider.Sqlite, $"Data Source={path}");

    /// <summary>
    /// Options from configuration values: a provider name (<c>sqlite</c>, <c>postgresql</c>/<c>postgres</c>/<c>npgsql</c>,
    /// case-insensitive; empty for SQLite) and a connection string (empty for the default SQLite file).
    /// </summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">The provider is unknown, or PostgreSQL is named without a connection string.</exception>
    public static MonitoringStoreOptions FromConfiguration(string? provider, string? connectionString)
    {
        var kind = provider?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => MonitoringDatabaseProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" or "NPGSQL" or "PGSQL" => MonitoringDatabaseProvider.PostgreSql,
            _ => throw new ArgumentException(
                $"Unknown database provider '{provider}': use 'sqlite' (the default) or 'postgresql'.", nameof(provider)),
        };
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return kind == MonitoringDatabaseProvider.Sqlite
                ? Default
                : throw new ArgumentException("PostgreSQL needs a connection string, e.g. Host=…;Database=csp;Username=…;Password=….", nameof(connectionString));
        }

        return new MonitoringStoreOptions(kind, connectionString);
    }
}

/// <summary>Opens the monitoring store and brings its schema up to date.</summary>
public static class MonitoringDatabase
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MonitoringStoreOptions, DbContextOptions> ContextOptions = new();

    /// <summary>Creates a context for <paramref name="options"/> without touching the database.</summary>
    /// <param name="options">Provider and connection string.</param>
    /// <param name="timeProvider">The clock for revision stamps; the system clock when null.</param>
    /// <returns>A <see cref="SqliteMonitoringDbContext"/> or a <see cref="PostgreSqlMonitoringDbContext"/>.</returns>
    public static MonitoringDbContext CreateContext(MonitoringStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The EF options are immutable: built once per store, not once per context (the web app makes one per request).
        var built = ContextOptions.GetOrAdd(options, static o => o.Provider switch
        {
            MonitoringDatabaseProvider.Sqlite => new DbContextOptionsBuilder<SqliteMonitoringDbContext>().UseSqlite(o.ConnectionString).Options,
            MonitoringDatabaseProvider.PostgreSql => new DbContextOptionsBuilder<PostgreSqlMonitoringDbContext>().UseNpgsql(o.ConnectionString).Options,
            _ => throw new ArgumentOutOfRangeException(nameof(options), o.Provider, "Unknown provider."),
        });
        MonitoringDbContext context = built switch
        {
            DbContextOptions<SqliteMonitoringDbContext> sqlite => new SqliteMonitoringDbContext(sqlite),
            _ => new PostgreSqlMonitoringDbContext((DbContextOptions<PostgreSqlMonitoringDbContext>)built),
        };
        context.TimeProvider = timeProvider ?? TimeProvider.System;
        return context;
    }

    /// <summary>
    /// Creates a context and applies any pending migrations (creating the SQLite file's folder and the database if needed).
    /// Call once at application start.
    /// </summary>
    /// <param name="options">Provider and connection string.</param>
    /// <param name="timeProvider">The clock for revision stamps; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The open, up-to-date context.</returns>
    public static async Task<MonitoringDbContext> OpenAsync(
        MonitoringStoreOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == MonitoringDatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(options.ConnectionString);
        }

        var context = CreateContext(options, timeProvider);
        try
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return context;
        }
        catch
        {
            await context.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteMonitoringDbContext</c> create the SQLite context.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMonitoringDbContext>
{
    /// <inheritdoc/>
    public SqliteMonitoringDbContext CreateDbContext(string[] args) =>
        (SqliteMonitoringDbContext)MonitoringDatabase.CreateContext(MonitoringStoreOptions.Sqlite("design-time.db"));
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlMonitoringDbContext</c> create the PostgreSQL context.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMonitoringDbContext>
{
    /// <inheritdoc/>
    public PostgreSqlMonitoringDbContext CreateDbContext(string[] args) =>
        (PostgreSqlMonitoringDbContext)MonitoringDatabase.CreateContext(new MonitoringStoreOptions(
            MonitoringDatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=5432;Database=csp_design;Username=postgres;Password=postgres"));
}
