using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CommunitySafety.Web.Tests.Reliability;

/// <summary>
/// A PostgreSQL cluster of the test's own: initdb into a temporary folder, started on a free loopback port with
/// Debian's binaries (<c>/usr/lib/postgresql/*/bin</c>, or <c>CSP_PG_BIN</c>), stopped and started again by the test,
/// removed afterwards. The shared server on 5432 is never touched. initdb refuses to run as root, so as root every
/// PostgreSQL command runs as the <c>postgres</c> user (runuser) in a folder that user owns.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PrivatePostgres(string bin, string root, bool asPostgresUser, int port)
    {
        _bin = bin;
        _root = root;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    /// <summary>The port the cluster listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The data folder.</summary>
    public string DataFolder => Path.Combine(_root, "data");

    /// <summary>A connection string for <paramref name="database"/> (user postgres, trust authentication on loopback).</summary>
    /// <param name="database">The database.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Timeout = 5,
        CommandTimeout = 30,
    }.ConnectionString;

    /// <summary>Creates and starts a new cluster.</summary>
    /// <returns>The running cluster.</returns>
    public static async Task<PrivatePostgres> StartNewAsync()
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "csp-private-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", root]);
        }

        var cluster = new PrivatePostgres(bin, root, asPostgresUser, FreePort());
        try
        {
            await cluster.PgAsync("initdb", ["-D", cluster.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the cluster and waits until it takes connections.</summary>
    /// <returns>A task.</returns>
    public Task StartAsync() => PgAsync("pg_ctl",
    [
        "-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "120",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_root} -c fsync=off -c max_connections=200",
        "start",
    ]);

    /// <summary>Stops the cluster (fast shutdown: open sessions are ended, as when a server is restarted).</summary>
    /// <returns>A task.</returns>
    public Task StopAsync() => PgAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "-t", "120", "stop"]);

    /// <summary>Runs SQL in <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="sql">The statements.</param>
    /// <returns>A task.</returns>
    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query that returns one number.</summary>
    /// <param name="database">The database.</param>
    /// <param name="sql">The query.</param>
    /// <returns>Its value.</returns>
    public async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await PgAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "60", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task PgAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        return _asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in {CommandTimeout}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("CSP_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                   .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var n) ? n : 0).FirstOrDefault()
               ?? throw new InvalidOperationException("No PostgreSQL server binaries in /usr/lib/postgresql/*/bin: install postgresql (scripts/install-prerequisites.sh) or set CSP_PG_BIN");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
