using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Storage;

/// <summary>The monitoring store on SQLite, the embedded default; its migrations are in Storage/Migrations/Sqlite.</summary>
/// <param name="options">Options configured with <c>UseSqlite</c>.</param>
public sealed class SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options)
    : MonitoringDbContext(options);

/// <summary>The monitoring store on PostgreSQL, for a shared installation; its migrations are in Storage/Migrations/PostgreSql.</summary>
/// <param name="options">Options configured with <c>UseNpgsql</c>.</param>
public sealed class PostgreSqlMonitoringDbContext(DbContextOptions<PostgreSqlMonitoringDbContext> options)
    : MonitoringDbContext(options);
