using System.CommandLine;
using System.Runtime.ExceptionServices;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Cli.Infrastructure;

/// <summary>Opens the analytical store named by <c>--store</c>: read-only for commands that read, through the writer for imports.</summary>
public static class StoreAccess
{
    /// <summary>
    /// <c>--snapshot</c> on the import commands: import into a new snapshot and publish it atomically, so that web
    /// instances and other readers keep reading while the import runs (see <see cref="StoreSnapshots"/>).
    /// </summary>
    public static Option<bool> Snapshot { get; } = new("--snapshot")
    {
        Description = "Import into a new snapshot of the store and publish it in one step when the import has finished, so that " +
                      "web instances and other readers keep reading meanwhile. Once a store publishes snapshots, every import does.",
        Recursive = true,
    };

    /// <summary>The full path of the store the command line names.</summary>
    public static string PathOf(CliContext context, ParseResult parseResult)
    {
        var path = context.ResolvePath(CommonOptions.StoreValue(parseResult) ?? CommonOptions.DefaultStorePath);
        if (!StoreSnapshots.IsPublished(path) && AnalyticalStore.NotAStoreReason(path) is { } reason)
        {
            throw new CliException(ExitCode.NotAStore, reason);
        }

        return path;
    }

    /// <summary>
    /// Runs an import on the store the command line names (created when missing) through <see cref="AnalyticalStoreWriter"/>:
    /// under the one-writer lock, in place or into a published snapshot.
    /// </summary>
    /// <exception cref="StoreBusyException">Another process is writing to the store.</exception>
    public static T Write<T>(CliContext context, ParseResult parseResult, Func<AnalyticalStore, T> write)
    {
        var path = PathOf(context, parseResult);
        // A police import rejects bad files after importing the good ones: those are published, as in place they are committed.
        ImportRejectedException? rejected = null;
        var (result, snapshot) = AnalyticalStoreWriter.Write(path, parseResult.GetValue(Snapshot), store =>
        {
            try
            {
                return write(store);
            }
            catch (ImportRejectedException e)
            {
                rejected = e;
                return default!;
            }
        }, context.Time);
        if (snapshot is not null)
        {
            context.Say($"Published snapshot {Path.GetFileName(snapshot)} of {path}: readers opening the store from now on see this import.");
        }

        if (rejected is not null)
        {
            ExceptionDispatchInfo.Throw(rejected);
        }

        return result;
    }

    /// <summary>Opens the store for reading, read-only (its published snapshot, if it has one): it must already exist.</summary>
    /// <exception cref="CliException">There is no store at that path.</exception>
    public static AnalyticalStore OpenExisting(CliContext context, ParseResult parseResult)
    {
        var path = PathOf(context, parseResult);
        if (!AnalyticalStore.Exists(path))
        {
            throw new CliException(ExitCode.NoData, $"There is no analytical store at {path}. Run 'csp demo' or 'csp import police <files>' first, or name one with --store.");
        }

        return AnalyticalStore.OpenReadOnly(path);
    }
}
