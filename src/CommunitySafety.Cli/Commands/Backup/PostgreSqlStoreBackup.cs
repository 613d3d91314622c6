using System.Data;
using CommunitySafety.Cli.Infrastructure;
using Npgsql;

namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>
/// The PostgreSQL application store, backed up with <c>pg_dump</c> (custom format) and restored with <c>pg_restore</c>.
/// The row counts are read in the same snapshot that <c>pg_dump</c> dumps (<c>pg_export_snapshot</c>), so they describe
/// the dump exactly even while the web app writes. The password goes to the tools through <c>PGPASSWORD</c>, never on
/// their command line.
/// </summary>
public sealed class PostgreSqlStoreBackup(string connectionString) : IApplicationStoreBackup
{
    private readonly NpgsqlConnectionStringBuilder _builder = new(connectionString);

    /// <inheritdoc/>
    public string Kind => "postgresql";

    /// <inheritdoc/>
    public string FileName => "application.dump";

    /// <inheritdoc/>
    public string Description => $"PostgreSQL database {_builder.Database} on {_builder.Host}:{_builder.Port} as {_builder.Username}";

    private string Database => _builder.Database is { Length: > 0 } d
        ? d
        : throw new CliException(ExitCode.UsageError, "The PostgreSQL connection string names no Database=….");

    /// <inheritdoc/>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenMaintenanceAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = Database } } };
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, long>> BackupAsync(string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var counts = await CountsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await PostgreSqlTools.RunAsync("pg_dump", _builder,
            ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={file}", $"--dbname={PostgreSqlTools.DatabaseConnInfo(Database)}"],
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }

    /// <inheritdoc/>
    public async Task<bool> HoldsDataAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = await CountsAsync(connection, null, cancellationToken).ConfigureAwait(false);
        return counts.Any(t => !ApplicationStoreBackup.IsHistory(t.Key) && t.Value > 0);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, long>> RestoreAsync(string file, IReadOnlyDictionary<string, long> expected, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var maintenance = await OpenMaintenanceAsync(cancellationToken).ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(Database)}", maintenance);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // One transaction: the database ends up as the dump, or as it was if anything fails.
        await PostgreSqlTools.RunAsync("pg_restore", _builder,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={PostgreSqlTools.DatabaseConnInfo(Database)}", file],
            cancellationToken).ConfigureAwait(false);

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CountsAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>A connection to the server's <c>postgres</c> database, to look for and create the target database.</summary>
    private async Task<NpgsqlConnection> OpenMaintenanceAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = new List<(string Schema, string Name)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' " +
            "AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%' ORDER BY 1, 2", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (schema, name) in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Quote(schema)}.{Quote(name)}", connection, transaction);
            counts[schema == "public" ? name : $"{schema}.{name}"] = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        return counts;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
