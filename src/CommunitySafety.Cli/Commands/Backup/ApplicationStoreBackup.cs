using CommunitySafety.Monitoring.Storage;

namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>
/// Backs up and restores the application store (plans, indicators, values, commentary, users, audit, web keys): the
/// whole database, whichever tables it holds, by the database's own tools.
/// </summary>
public interface IApplicationStoreBackup
{
    /// <summary><c>sqlite</c> or <c>postgresql</c>, as recorded in the manifest.</summary>
    string Kind { get; }

    /// <summary>The backup file's name in the backup folder.</summary>
    string FileName { get; }

    /// <summary>Where the store is, for people (no password).</summary>
    string Description { get; }

    /// <summary>Whether there is a store to back up (a SQLite file that exists; a PostgreSQL database that exists).</summary>
    Task<bool> ExistsAsync(CancellationToken cancellationToken);

    /// <summary>Writes a consistent backup of the whole database to <paramref name="file"/>.</summary>
    /// <returns>Every table's row count in that backup, by table name.</returns>
    Task<IReadOnlyDictionary<string, long>> BackupAsync(string file, CancellationToken cancellationToken);

    /// <summary>Whether the store exists and holds rows (migration history aside).</summary>
    Task<bool> HoldsDataAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the store's contents by the backup in <paramref name="file"/>, checked against <paramref name="expected"/>
    /// first where the format allows.
    /// </summary>
    /// <returns>Every table's row count in the restored store.</returns>
    Task<IReadOnlyDictionary<string, long>> RestoreAsync(string file, IReadOnlyDictionary<string, long> expected, CancellationToken cancellationToken);
}

/// <summary>Picks the backup for the configured provider.</summary>
public static class ApplicationStoreBackup
{
    /// <summary>The backup of the store <paramref name="options"/> names.</summary>
    public static IApplicationStoreBackup For(MonitoringStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == MonitoringDatabaseProvider.PostgreSql
            ? new PostgreSqlStoreBackup(options.ConnectionString)
            : new SqliteStoreBackup(options.ConnectionString);
    }

    /// <summary>Whether a table is a migrations history table (present in every migrated database, so not "data").</summary>
    internal static bool IsHistory(string table) => table.EndsWith("MigrationsHistory", StringComparison.OrdinalIgnoreCase);
}
