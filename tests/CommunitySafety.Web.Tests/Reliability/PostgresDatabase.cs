using Npgsql;

namespace CommunitySafety.Web.Tests.Reliability;

/// <summary>
/// A fresh database with a unique name on the shared test server (127.0.0.1:5432, or <c>CSP_TEST_POSTGRES</c>),
/// dropped afterwards. The server itself is never stopped or reconfigured.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    private readonly string _server;
    private readonly string _name;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database.</summary>
    /// <param name="prefix">The start of its name.</param>
    /// <returns>The database.</returns>
    public static async Task<PostgresDatabase> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable("CSP_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultServer;
        var database = new PostgresDatabase(server, prefix + "_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    /// <summary>Runs a query that returns one number, in this database.</summary>
    /// <param name="sql">The query.</param>
    /// <returns>Its value.</returns>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
