using System.CommandLine;
using System.Globalization;
using CommunitySafety.Cli.Commands.Plan;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>
/// <c>csp restore &lt;folder&gt;</c>: checks a backup made by <c>csp backup</c> against its manifest (every file's
/// SHA-256), refuses to replace a store that holds data unless <c>--force</c>, restores, and checks every restored
/// table's row count against the manifest.
/// </summary>
public sealed class RestoreCommand : Command
{
    private readonly CliContext _context;

    private readonly Argument<string> _folder = new("folder")
    {
        Description = "A folder written by 'csp backup'.",
    };

    private readonly Option<BackupPart?> _only = new("--only")
    {
        Description = "Restore only this store: analytical or application.",
        HelpName = "analytical|application",
    };

    private readonly Option<bool> _force = new("--force")
    {
        Description = "Replace stores that hold data. Without it, restore refuses to overwrite anything but an empty or missing store.",
    };

    /// <summary>Creates the command.</summary>
    public RestoreCommand(CliContext context)
        : base("restore", "Restore the stores from a backup made by 'csp backup': checks every file's SHA-256 first, refuses to overwrite a store " +
                          "that holds data unless --force, and checks every restored table's row count against the backup's manifest.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Arguments.Add(_folder);
        Options.Add(_only);
        Options.Add(_force);
        Options.Add(MonitoringStoreAccess.Provider());
        Options.Add(MonitoringStoreAccess.Database());
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var folder = _context.ResolvePath(parseResult.GetValue(_folder)!);
        if (!Directory.Exists(folder))
        {
            throw new CliException(ExitCode.NotFound, $"{folder}: no such folder.");
        }

        var manifest = BackupManifest.Read(folder);
        var checkedFiles = manifest.Verify(folder);
        _context.Say($"Checked {checkedFiles} files against {BackupManifest.FileName} (made {manifest.Created:yyyy-MM-dd HH:mm} UTC by {manifest.Software}): every SHA-256 matches.");

        var only = parseResult.GetValue(_only);
        var force = parseResult.GetValue(_force);
        var analytical = only == BackupPart.Application ? null : manifest.Analytical;
        var application = only == BackupPart.Analytical ? null : manifest.Application;
        if ((only == BackupPart.Analytical && analytical is null) || (only == BackupPart.Application && application is null) || (analytical is null && application is null))
        {
            throw new CliException(ExitCode.NoData, $"The backup in {folder} holds no {(only is null ? "store" : only.ToString()!.ToLowerInvariant() + " store")}.");
        }

        var store = _context.ResolvePath(CommonOptions.StoreValue(parseResult) ?? CommonOptions.DefaultStorePath);
        var target = application is null ? null : ApplicationStoreBackup.For(MonitoringStoreAccess.Resolve(_context, parseResult));
        if (application is not null && target!.Kind != application.Kind)
        {
            throw new CliException(ExitCode.UsageError,
                $"The backup holds a {application.Kind} application store, and the target is {target.Kind} ({target.Description}). " +
                $"Restore into {application.Kind} (--monitoring-provider {application.Kind} --monitoring-db …).");
        }

        // Every target is checked before anything is replaced.
        if (!force)
        {
            var full = new List<string>();
            if (analytical is not null && AnalyticalStoreBackup.HoldsData(store))
            {
                full.Add($"the analytical store {store}");
            }

            if (target is not null && await target.HoldsDataAsync(cancellationToken).ConfigureAwait(false))
            {
                full.Add($"the application store ({target.Description})");
            }

            if (full.Count > 0)
            {
                throw new CliException(ExitCode.TargetNotEmpty,
                    $"{string.Join(" and ", full)} hold{(full.Count == 1 ? "s" : "")} data: restoring would replace it. " +
                    "Back it up first if it matters, then add --force to replace it.");
            }
        }

        var table = new ResultTable(new ResultColumn("Store"), new ResultColumn("Table"), new ResultColumn("In backup", IsNumeric: true), new ResultColumn("Restored", IsNumeric: true))
        {
            Title = "Restored",
        };
        long rows = 0;
        var tables = 0;
        if (analytical is not null)
        {
            IReadOnlyDictionary<string, long> restored;
            try
            {
                restored = AnalyticalStoreBackup.Restore(Path.Combine(folder, analytical.Path), store, analytical.Tables, force: true);
            }
            catch (InvalidDataException e)
            {
                throw new CliException(ExitCode.VerificationFailed, e.Message, e);
            }

            Add(table, "analytical", analytical.Tables, restored, ref rows, ref tables);
            _context.Say($"Restored the analytical store into {StoreSnapshots.Resolve(store)}.");
        }

        if (application is not null)
        {
            var restored = await target!.RestoreAsync(Path.Combine(folder, application.Path), application.Tables, cancellationToken).ConfigureAwait(false);
            BackupCounts.Compare("restored application store", application.Tables, restored);
            Add(table, "application", application.Tables, restored, ref rows, ref tables);
            _context.Say($"Restored the application store into {target.Description}.");
        }

        table.Write(_context, OutputFormat.Table);
        _context.Say($"Verified: all {tables} tables have the rows the backup recorded ({rows.ToString("N0", CultureInfo.InvariantCulture)} rows).");
        return (int)ExitCode.Ok;
    }

    private static void Add(ResultTable table, string store, IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> restored, ref long rows, ref int tables)
    {
        foreach (var (name, n) in expected)
        {
            table.Add(store, name, n, restored.GetValueOrDefault(name));
            rows += n;
            tables++;
        }
    }
}
