using System.CommandLine;
using System.Globalization;
using System.Reflection;
using CommunitySafety.Cli.Commands.Plan;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>
/// <c>csp backup &lt;folder&gt;</c>: backs up both stores into a new folder — the analytical store as DuckDB's
/// <c>EXPORT DATABASE</c> (Parquet, see <see cref="AnalyticalStoreBackup"/>), the application store with SQLite's online
/// backup or <c>pg_dump</c> (<see cref="IApplicationStoreBackup"/>) — and writes <c>manifest.json</c> with every table's
/// row count and every file's SHA-256 (<see cref="BackupManifest"/>).
/// </summary>
public sealed class BackupCommand : Command
{
    /// <summary>The analytical store's folder in a backup.</summary>
    public const string AnalyticalFolder = "analytical";

    /// <summary>The application store's folder in a backup.</summary>
    public const string ApplicationFolder = "application";

    private readonly CliContext _context;

    private readonly Argument<string> _folder = new("folder")
    {
        Description = "A new (or empty) folder to write the backup into.",
    };

    private readonly Option<BackupPart?> _only = new("--only")
    {
        Description = "Back up only this store: analytical (the DuckDB file given by --store) or application (SQLite or PostgreSQL).",
        HelpName = "analytical|application",
    };

    /// <summary>Creates the command.</summary>
    public BackupCommand(CliContext context)
        : base("backup", "Back up the analytical store (DuckDB) and the application store (SQLite or PostgreSQL) into a folder, " +
                         "with a manifest of every table's row count and every file's SHA-256. Safe while the web app runs and while imports publish snapshots.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Arguments.Add(_folder);
        Options.Add(_only);
        Options.Add(MonitoringStoreAccess.Provider());
        Options.Add(MonitoringStoreAccess.Database());
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var folder = _context.ResolvePath(parseResult.GetValue(_folder)!);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new CliException(ExitCode.UsageError, $"{folder} is not empty: a backup goes into a new or empty folder.");
        }

        var only = parseResult.GetValue(_only);
        var manifest = new BackupManifest
        {
            Created = _context.Time.GetUtcNow(),
            Software = "csp " + (typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?"),
        };
        var created = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        try
        {
            if (only != BackupPart.Application)
            {
                BackUpAnalytical(parseResult, folder, manifest, required: only == BackupPart.Analytical);
            }

            if (only != BackupPart.Analytical)
            {
                await BackUpApplicationAsync(parseResult, folder, manifest, required: only == BackupPart.Application, cancellationToken).ConfigureAwait(false);
            }

            if (manifest.Analytical is null && manifest.Application is null)
            {
                throw new CliException(ExitCode.NoData, "There is no store to back up: name them with --store and --monitoring-db.");
            }

            manifest.HashFiles(folder);
            manifest.Write(folder);
        }
        catch
        {
            // A backup without its manifest is no backup: leave nothing that looks like one.
            if (created)
            {
                Directory.Delete(folder, recursive: true);
            }

            throw;
        }

        var table = new ResultTable(new ResultColumn("Store"), new ResultColumn("Table"), new ResultColumn("Rows", IsNumeric: true)) { Title = "Backed up" };
        foreach (var (name, part) in new[] { ("analytical", manifest.Analytical), ("application", manifest.Application) })
        {
            foreach (var (t, rows) in part?.Tables ?? [])
            {
                table.Add(name, t, rows);
            }
        }

        table.Write(_context, OutputFormat.Table);
        var bytes = manifest.Files.Keys.Sum(f => new FileInfo(Path.Combine(folder, f)).Length);
        _context.Say($"Backup written to {folder}: {manifest.Files.Count} files, {bytes / 1024.0 / 1024.0:N1} MB. " +
                     $"{BackupManifest.FileName} lists every table's row count and every file's SHA-256; 'csp restore {folder}' checks both.");
        return (int)ExitCode.Ok;
    }

    private void BackUpAnalytical(ParseResult parseResult, string folder, BackupManifest manifest, bool required)
    {
        var store = _context.ResolvePath(CommonOptions.StoreValue(parseResult) ?? CommonOptions.DefaultStorePath);
        if (!AnalyticalStore.Exists(store))
        {
            if (required)
            {
                throw new CliException(ExitCode.NoData, $"There is no analytical store at {store}.");
            }

            _context.Say($"No analytical store at {store}: not backed up.");
            return;
        }

        var counts = AnalyticalStoreBackup.Export(store, Path.Combine(folder, AnalyticalFolder));
        manifest.Analytical = new StorePart
        {
            Path = AnalyticalFolder,
            Kind = "duckdb",
            Source = StoreSnapshots.Resolve(store),
            Tables = new SortedDictionary<string, long>(counts.ToDictionary(), StringComparer.Ordinal),
        };
        _context.Say($"Analytical store {manifest.Analytical.Source}: {counts.Count} tables, {counts.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)} rows.");
    }

    private async Task BackUpApplicationAsync(ParseResult parseResult, string folder, BackupManifest manifest, bool required, CancellationToken cancellationToken)
    {
        var backup = ApplicationStoreBackup.For(MonitoringStoreAccess.Resolve(_context, parseResult));
        if (!await backup.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (required)
            {
                throw new CliException(ExitCode.NoData, $"There is no application store at {backup.Description}.");
            }

            _context.Say($"No application store at {backup.Description}: not backed up.");
            return;
        }

        var relative = ApplicationFolder + "/" + backup.FileName;
        var counts = await backup.BackupAsync(Path.Combine(folder, ApplicationFolder, backup.FileName), cancellationToken).ConfigureAwait(false);
        manifest.Application = new StorePart
        {
            Path = relative,
            Kind = backup.Kind,
            Source = backup.Description,
            Tables = new SortedDictionary<string, long>(counts.ToDictionary(), StringComparer.Ordinal),
        };
        _context.Say($"Application store ({backup.Kind}) {backup.Description}: {counts.Count} tables, {counts.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)} rows.");
    }
}
