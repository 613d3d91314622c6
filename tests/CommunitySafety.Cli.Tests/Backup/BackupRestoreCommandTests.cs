using CommunitySafety.Cli.Commands.Backup;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Store;
using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommunitySafety.Cli.Tests.Backup;

/// <summary><c>csp backup</c> and <c>csp restore</c> round trips on real DuckDB, SQLite and PostgreSQL stores.</summary>
public sealed class BackupRestoreCommandTests : IAsyncLifetime
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private static readonly string Bedfordshire = RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv");
    private static readonly string Outcomes = RawPoliceFile.Fixture("police/outcomes/2016-01-city-of-london-outcomes.csv");
    private static readonly string Lookup = RawPoliceFile.Fixture("lookups/LAD17_CSP17_PFA17_lookup.csv");

    private readonly TempFolder _temp = new();
    private readonly List<string> _databases = [];
    private readonly string _server = Environment.GetEnvironmentVariable("CSP_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultServer;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_databases.Count > 0)
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

        _temp.Dispose();
    }

    private async Task<CliResult> Csp(params string[] args) => await CliRunner.RunAsync(_temp.Path, args);

    /// <summary>An analytical store with street crime, outcomes and a lookup, built by the real import commands.</summary>
    private async Task BuildAnalyticalAsync(string store)
    {
        foreach (var args in new[] { new[] { "import", "lookup", Lookup }, ["import", "police", Bedfordshire, Outcomes] })
        {
            var result = await Csp([.. args, "--store", store]);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    /// <summary>The example plan, with its indicators and values, in a migrated application store.</summary>
    private static async Task SeedAsync(MonitoringStoreOptions options)
    {
        await using var db = await MonitoringDatabase.OpenAsync(options);
        await DemoPlan.SeedAsync(db);
    }

    /// <summary>Every table's rows as text, sorted: equal when the contents are equal.</summary>
    private static Dictionary<string, List<string>> SqliteContents(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var contents = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            contents[table] = rows;
        }

        return contents;
    }

    private static async Task<Dictionary<string, List<string>>> PostgreSqlContentsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var contents = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            rows.Sort(StringComparer.Ordinal);
            contents[table] = rows;
        }

        return contents;
    }

    [Fact]
    public async Task BackupThenRestore_DuckDbAndSqlite_EveryTableComesBackWithItsRowsAndContents()
    {
        await BuildAnalyticalAsync("data/csp.duckdb");
        var sqlite = _temp.File("data/app.db");
        await SeedAsync(MonitoringStoreOptions.Sqlite(sqlite));

        var backup = await Csp("backup", "saved", "--store", "data/csp.duckdb", "--monitoring-db", "data/app.db");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.Contains("manifest.json lists every table's row count and every file's SHA-256", backup.Error, StringComparison.Ordinal);
        var manifest = BackupManifest.Read(_temp.File("saved"));
        Assert.Equal("duckdb", manifest.Analytical!.Kind);
        Assert.Equal(RawPoliceFile.ReadFile(Bedfordshire).Count, manifest.Analytical.Tables["crime"]);
        Assert.Equal("sqlite", manifest.Application!.Kind);
        Assert.True(manifest.Application.Tables.Values.Sum() > 100, string.Join(", ", manifest.Application.Tables));
        Assert.Contains("application/application.db", manifest.Files.Keys);

        var restore = await Csp("restore", "saved", "--store", "restored/csp.duckdb", "--monitoring-db", "restored/app.db");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains($"Checked {manifest.Files.Count} files against manifest.json", restore.Error, StringComparison.Ordinal);
        Assert.Contains("Verified: all", restore.Error, StringComparison.Ordinal);

        Assert.Equal(SqliteContents(sqlite), SqliteContents(_temp.File("restored/app.db")));
        var original = await Csp("counts", "--store", "data/csp.duckdb", "--area", "Bedfordshire", "--by", "type", "--period", "2024-01", "--format", "json");
        var restored = await Csp("counts", "--store", "restored/csp.duckdb", "--area", "Bedfordshire", "--by", "type", "--period", "2024-01", "--format", "json");
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Equal(original.Out, restored.Out);
        var plan = await Csp("plan", "show", "--monitoring-db", "restored/app.db");
        Assert.True(plan.ExitCode == 0, plan.ToString());
    }

    [Fact]
    public async Task Restore_OverStoresWithData_RefusedUnlessForced()
    {
        await BuildAnalyticalAsync("data/csp.duckdb");
        await SeedAsync(MonitoringStoreOptions.Sqlite(_temp.File("data/app.db")));
        Assert.Equal(0, (await Csp("backup", "saved", "--store", "data/csp.duckdb", "--monitoring-db", "data/app.db")).ExitCode);

        // Other stores that hold data: a different import, and a plan.
        var other = await Csp("import", "police", Outcomes, "--store", "other/csp.duckdb");
        Assert.True(other.ExitCode == 0, other.ToString());
        await SeedAsync(MonitoringStoreOptions.Sqlite(_temp.File("other/app.db")));
        var before = (SqliteContents(_temp.File("other/app.db")), AnalyticalCounts("other/csp.duckdb"));

        var refused = await Csp("restore", "saved", "--store", "other/csp.duckdb", "--monitoring-db", "other/app.db");
        Assert.Equal((int)ExitCode.TargetNotEmpty, refused.ExitCode);
        Assert.Contains("the analytical store", refused.Error, StringComparison.Ordinal);
        Assert.Contains("the application store", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before.Item1, SqliteContents(_temp.File("other/app.db")));
        Assert.Equal(before.Item2, AnalyticalCounts("other/csp.duckdb"));

        var forced = await Csp("restore", "saved", "--force", "--store", "other/csp.duckdb", "--monitoring-db", "other/app.db");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(SqliteContents(_temp.File("data/app.db")), SqliteContents(_temp.File("other/app.db")));
        Assert.Equal(AnalyticalCounts("data/csp.duckdb"), AnalyticalCounts("other/csp.duckdb"));
    }

    private Dictionary<string, long> AnalyticalCounts(string store)
    {
        using var open = AnalyticalStore.OpenReadOnly(_temp.File(store));
        return open.TableCounts().ToDictionary();
    }

    [Fact]
    public async Task Restore_BackupFileChanged_RefusedNamingTheFile_NothingRestored()
    {
        await BuildAnalyticalAsync("data/csp.duckdb");
        Assert.Equal(0, (await Csp("backup", "saved", "--store", "data/csp.duckdb", "--only", "analytical")).ExitCode);
        var crime = _temp.File("saved/analytical/crime.parquet");
        var bytes = File.ReadAllBytes(crime);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(crime, bytes);

        var result = await Csp("restore", "saved", "--store", "restored/csp.duckdb");
        Assert.Equal((int)ExitCode.VerificationFailed, result.ExitCode);
        Assert.Contains($"analytical/{Path.GetFileName(crime)} has changed", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was restored", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("restored/csp.duckdb")));
    }

    [Fact]
    public async Task Backup_ToAFolderThatIsNotEmpty_Refused()
    {
        await BuildAnalyticalAsync("data/csp.duckdb");
        Directory.CreateDirectory(_temp.File("saved"));
        File.WriteAllText(_temp.File("saved/keep.txt"), "mine");
        var result = await Csp("backup", "saved", "--store", "data/csp.duckdb");
        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
        Assert.Contains("is not empty", result.Error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(_temp.File("saved/keep.txt")));
    }

    [Fact]
    public async Task BackupThenRestore_PostgreSql_IntoANewDatabase_ThenRefusedOverData_ThenForced()
    {
        var source = await NewDatabaseAsync(create: true);
        await SeedAsync(new MonitoringStoreOptions(MonitoringDatabaseProvider.PostgreSql, source));
        var backup = await Csp("backup", "saved", "--only", "application", "--monitoring-provider", "postgresql", "--monitoring-db", source);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var manifest = BackupManifest.Read(_temp.File("saved"));
        Assert.Equal("postgresql", manifest.Application!.Kind);
        Assert.DoesNotContain("Password", File.ReadAllText(_temp.File("saved/manifest.json")), StringComparison.OrdinalIgnoreCase);

        // A database that does not exist yet is created.
        var target = await NewDatabaseAsync(create: false);
        var restore = await Csp("restore", "saved", "--monitoring-provider", "postgresql", "--monitoring-db", target);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains("Verified: all", restore.Error, StringComparison.Ordinal);
        var expected = await PostgreSqlContentsAsync(source);
        Assert.Equal(expected, await PostgreSqlContentsAsync(target));

        // The restored database works as an application store: migrations are up to date and the plan is there.
        var plan = await Csp("plan", "show", "--monitoring-provider", "postgresql", "--monitoring-db", target);
        Assert.True(plan.ExitCode == 0, plan.ToString());

        var refused = await Csp("restore", "saved", "--monitoring-provider", "postgresql", "--monitoring-db", target);
        Assert.Equal((int)ExitCode.TargetNotEmpty, refused.ExitCode);
        var forced = await Csp("restore", "saved", "--force", "--monitoring-provider", "postgresql", "--monitoring-db", target);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(expected, await PostgreSqlContentsAsync(target));

        // A SQLite target cannot take a PostgreSQL backup.
        var wrongKind = await Csp("restore", "saved", "--monitoring-db", "data/app.db");
        Assert.Equal((int)ExitCode.UsageError, wrongKind.ExitCode);
        Assert.Contains("holds a postgresql application store", wrongKind.Error, StringComparison.Ordinal);
    }

    private async Task<string> NewDatabaseAsync(bool create)
    {
        var name = "csp_test_backup_" + Guid.NewGuid().ToString("N")[..12];
        _databases.Add(name);
        if (create)
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }
}
