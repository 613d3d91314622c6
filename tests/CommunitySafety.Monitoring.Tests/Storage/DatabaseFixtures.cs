using CommunitySafety.Monitoring.Storage;
using Npgsql;

namespace CommunitySafety.Monitoring.Tests.Storage;

/// <summary>A fresh, migrated monitoring database for one test class.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 4, 1, 9, 0, 0, TimeSpan.Zero);

    public MonitoringStoreOptions Options { get; protected set; } = MonitoringStoreOptions.Default;

    /// <summary>A fake clock, advanced by tests that need time to pass.</summary>
    public ManualClock Clock { get; } = new(Start);

    public abstract string ProviderName { get; }

    /// <summary>A new context on the fixture's database (already migrated).</summary>
    public MonitoringDbContext NewContext() => MonitoringDatabase.CreateContext(Options, Clock);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>Another empty, migrated database on the same server, removed with the fixture.</summary>
    public abstract Task<MonitoringStoreOptions> NewDatabaseAsync();

    protected async Task MigrateAsync()
    {
        await using var db = await MonitoringDatabase.OpenAsync(Options, Clock);
    }
}

public sealed class SqliteFixture : DatabaseFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-monitoring-tests", Guid.NewGuid().ToString("N"));

    public override string ProviderName => "SQLite";

    public override async Task InitializeAsync()
    {
        // A folder that does not exist yet: OpenAsync must create it.
        Options = MonitoringStoreOptions.Sqlite(Path.Combine(_folder, "monitoring.db"));
        await MigrateAsync();
    }

    public override async Task<MonitoringStoreOptions> NewDatabaseAsync()
    {
        var options = MonitoringStoreOptions.Sqlite(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));
        await using var db = await MonitoringDatabase.OpenAsync(options, Clock);
        return options;
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlFixture : DatabaseFixture
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    private readonly string _database = "csp_test_" + Guid.NewGuid().ToString("N")[..16];
    private readonly List<string> _databases = [];
    private string _server = DefaultServer;

    public override string ProviderName => "PostgreSQL";

    public override async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("CSP_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultServer;
        try
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
            _databases.Add(_database);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable with '{Redact(_server)}' (set CSP_TEST_POSTGRES to change it). " +
                "Start a local server with: sudo bash scripts/start-postgres.sh", ex);
        }

        Options = new MonitoringStoreOptions(
            MonitoringDatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString);
        await MigrateAsync();
    }

    public override async Task<MonitoringStoreOptions> NewDatabaseAsync()
    {
        var name = "csp_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
            _databases.Add(name);
        }

        var options = new MonitoringStoreOptions(
            MonitoringDatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString);
        await using var db = await MonitoringDatabase.OpenAsync(options, Clock);
        return options;
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string Redact(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "***";
        }

        return builder.ConnectionString;
    }
}

/// <summary>A clock that only moves when told.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
