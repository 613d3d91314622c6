using CommunitySafety.Cli.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>
/// The SQLite application store, backed up with SQLite's online backup API: a consistent copy page by page, taken
/// while the web app may be writing, and restored the same way (so the target's write-ahead log stays consistent).
/// </summary>
public sealed class SqliteStoreBackup(string connectionString) : IApplicationStoreBackup
{
    private readonly string _file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <inheritdoc/>
    public string Kind => "sqlite";

    /// <inheritdoc/>
    public string FileName => "application.db";

    /// <inheritdoc/>
    public string Description => _file;

    /// <inheritdoc/>
    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(File.Exists(_file));

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, long>> BackupAsync(string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var source = Open(_file, SqliteOpenMode.ReadOnly);
        using var target = Open(file, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(target);
        return Task.FromResult(Counts(target));
    }

    /// <inheritdoc/>
    public Task<bool> HoldsDataAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_file))
        {
            return Task.FromResult(false);
        }

        using var connection = Open(_file, SqliteOpenMode.ReadOnly);
        return Task.FromResult(Counts(connection).Any(t => !ApplicationStoreBackup.IsHistory(t.Key) && t.Value > 0));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, long>> RestoreAsync(string file, IReadOnlyDictionary<string, long> expected, CancellationToken cancellationToken)
    {
        using (var backup = Open(file, SqliteOpenMode.ReadOnly))
        {
            using var check = backup.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var result = check.ExecuteScalar() as string;
            if (result != "ok")
            {
                throw new CliException(ExitCode.VerificationFailed, $"{file} fails SQLite's integrity check ({result}). Nothing was restored.");
            }

            BackupCounts.Compare("application store backup file", expected, Counts(backup));
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            using var target = Open(_file, SqliteOpenMode.ReadWriteCreate);
            backup.BackupDatabase(target);
        }

        using var restored = Open(_file, SqliteOpenMode.ReadOnly);
        return Task.FromResult(Counts(restored));
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static IReadOnlyDictionary<string, long> Counts(SqliteConnection connection)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }

        return counts;
    }
}
