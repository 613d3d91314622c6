using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Monitoring.Storage;

namespace CommunitySafety.Cli.Commands.Plan;

/// <summary>
/// Opens the monitoring store (plans, indicators, values, commentary): SQLite by default, PostgreSQL for a shared
/// installation. Chosen by <c>--monitoring-provider</c> / <c>--monitoring-db</c>, else the environment variables
/// <c>CSP_MONITORING_PROVIDER</c> / <c>CSP_MONITORING_DB</c>, else SQLite at <c>./data/csp-monitoring.db</c>.
/// </summary>
public static class MonitoringStoreAccess
{
    /// <summary>The environment variable naming the provider (sqlite or postgresql).</summary>
    public const string ProviderVariable = "CSP_MONITORING_PROVIDER";

    /// <summary>The environment variable holding the connection string (or a SQLite file path).</summary>
    public const string DatabaseVariable = "CSP_MONITORING_DB";

    private const string ProviderOption = "--monitoring-provider";
    private const string DatabaseOption = "--monitoring-db";

    /// <summary>Creates the <c>--monitoring-provider</c> option (one per command group).</summary>
    public static Option<string?> Provider() => new(ProviderOption)
    {
        Description = $"The monitoring store's database: sqlite or postgresql (default: ${ProviderVariable}, else sqlite).",
        Recursive = true,
        HelpName = "sqlite|postgresql",
    };

    /// <summary>Creates the <c>--monitoring-db</c> option (one per command group).</summary>
    public static Option<string?> Database() => new(DatabaseOption)
    {
        Description = $"The monitoring store: a SQLite file, or a connection string (default: ${DatabaseVariable}, else ./{MonitoringStoreOptions.DefaultSqliteFile}).",
        Recursive = true,
        HelpName = "file or connection string",
    };

    /// <summary>
    /// The monitoring store the command line (or environment) names, without opening it: a SQLite path is made absolute
    /// against the working folder.
    /// </summary>
    /// <exception cref="CliException">The provider is unknown, or PostgreSQL is named without a connection string.</exception>
    public static MonitoringStoreOptions Resolve(CliContext context, ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        var provider = ValueOf(parseResult, ProviderOption) ?? Environment.GetEnvironmentVariable(ProviderVariable);
        var database = ValueOf(parseResult, DatabaseOption) ?? Environment.GetEnvironmentVariable(DatabaseVariable);
        MonitoringStoreOptions options;
        try
        {
            options = MonitoringStoreOptions.FromConfiguration(provider, database);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCode.UsageError, e.Message, e);
        }

        if (options.Provider == MonitoringDatabaseProvider.Sqlite)
        {
            // A bare path (or the default) is a file relative to the working folder.
            var file = string.IsNullOrWhiteSpace(database) ? MonitoringStoreOptions.DefaultSqliteFile : database;
            options = file.Contains('=', StringComparison.Ordinal) ? options : MonitoringStoreOptions.Sqlite(context.ResolvePath(file));
        }

        return options;
    }

    /// <summary>
    /// Opens the store the command line (or environment) names, applying any pending migrations. Commands outside the
    /// <c>plan</c> and <c>indicators</c> groups (e.g. <c>csp demo</c>) may call it too: without the options they get the
    /// environment's store or the default SQLite file.
    /// </summary>
    /// <exception cref="CliException">The provider is unknown or the database cannot be reached.</exception>
    public static async Task<MonitoringDbContext> OpenAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = Resolve(context, parseResult);
        try
        {
            return await MonitoringDatabase.OpenAsync(options, context.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            throw new CliException(ExitCode.Failure, $"Cannot open the monitoring store ({options.Provider}): {e.Message}", e);
        }
    }

    private static string? ValueOf(ParseResult parseResult, string name)
    {
        // The option exists only on the plan and indicators groups.
        for (var command = parseResult.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (command.Command.Options.Any(o => o.Name == name))
            {
                return parseResult.GetValue<string?>(name);
            }
        }

        return null;
    }

    /// <summary>Says what to do when the store holds no plan.</summary>
    public static CliException NoPlan() =>
        new(ExitCode.NoData, "The monitoring store holds no plan. Run 'csp demo' to create the example plan, or name another store with --monitoring-db.");
}
