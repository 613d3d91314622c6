using System.Diagnostics;
using System.Globalization;
using CommunitySafety.Cli.Infrastructure;
using Npgsql;

namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>
/// Finds and runs PostgreSQL's client programs (<c>pg_dump</c>, <c>pg_restore</c>): from <c>CSP_PG_BIN</c>, else the
/// newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (Debian), else the <c>PATH</c>. <c>pg_dump</c> must be at least
/// the server's major version.
/// </summary>
public static class PostgreSqlTools
{
    /// <summary>The environment variable naming the folder of the PostgreSQL programs.</summary>
    public const string BinVariable = "CSP_PG_BIN";

    /// <summary>The full path of <paramref name="program"/>.</summary>
    /// <exception cref="CliException">It cannot be found.</exception>
    public static string Find(string program)
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } configured)
        {
            folders.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            folders.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: d, Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Folder, "bin")));
        }

        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? program + ".exe" : program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new CliException(ExitCode.NotFound,
            $"{program} was not found. Install PostgreSQL's client programs (Debian: apt-get install postgresql-client) or set {BinVariable} to the folder holding them.");
    }

    /// <summary>A libpq connection string naming only the database (the rest goes through the environment).</summary>
    public static string DatabaseConnInfo(string database) =>
        "dbname='" + database.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>Runs <paramref name="program"/> against the server <paramref name="server"/> names.</summary>
    /// <exception cref="CliException">It failed; the message holds what it wrote to standard error.</exception>
    public static async Task RunAsync(string program, NpgsqlConnectionStringBuilder server, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(Find(program)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PGHOST"] = server.Host ?? "localhost";
        start.Environment["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture);
        if (server.Username is { Length: > 0 } user)
        {
            start.Environment["PGUSER"] = user;
        }

        if (server.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        start.Environment["PGSSLMODE"] = server.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        start.Environment["PGCONNECT_TIMEOUT"] = Math.Max(server.Timeout, 2).ToString(CultureInfo.InvariantCulture);

        using var process = Process.Start(start) ?? throw new CliException(ExitCode.Failure, $"{program} could not be started.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var messages = (await error.ConfigureAwait(false)).Trim();
        await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new CliException(ExitCode.Failure, $"{program} failed (exit {process.ExitCode}): {messages}");
        }
    }
}
