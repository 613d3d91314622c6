namespace CommunitySafety.Cli.Infrastructure;

/// <summary>The process exit codes of <c>csp</c>. Scripts can rely on these numbers.</summary>
public enum ExitCode
{
    /// <summary>The command did what was asked.</summary>
    Ok = 0,

    /// <summary>Something unexpected went wrong (a bug, or the environment): see the message.</summary>
    Failure = 1,

    /// <summary>The command line was wrong: unknown option, missing argument, bad value.</summary>
    UsageError = 2,

    /// <summary>An input file had bad content (the message names file, line and field); nothing was imported.</summary>
    InvalidInput = 3,

    /// <summary>A file, area or other named thing does not exist.</summary>
    NotFound = 4,

    /// <summary>The analytical store has no data for what was asked (import some first).</summary>
    NoData = 5,

    /// <summary>Another process is writing to the analytical store (one writer at a time): try again when it has finished.</summary>
    StoreBusy = 6,

    /// <summary>A restore would overwrite a store that holds data; add <c>--force</c> to replace it.</summary>
    TargetNotEmpty = 7,

    /// <summary>A backup failed its checks (a file's SHA-256 or a table's row count differs from its manifest).</summary>
    VerificationFailed = 8,

    /// <summary><c>--store</c> names something that is not a store: a folder, an empty file, a CSV, a picture.</summary>
    NotAStore = 9,

    /// <summary>An import found nothing to import (a folder with no CSVs, an empty zip): usually a wrong path.</summary>
    NothingToImport = 10,

    /// <summary>
    /// The disk filled while writing (the message names the folder and its free space). Each file is in the store whole
    /// or not at all: free some space and run the same import again (a re-import never double-counts).
    /// </summary>
    DiskFull = 11,

    /// <summary>The operating system refused access to a file or folder (the message names the path and the access: read, write, create).</summary>
    PermissionDenied = 12,

    /// <summary>The store (or a file the command writes) is on a read-only file system.</summary>
    ReadOnlyFileSystem = 13,

    /// <summary>The store file is a DuckDB database that cannot be read (cut short or damaged): restore a backup or re-import.</summary>
    DamagedStore = 14,

    /// <summary>A download failed: the server could not be reached, timed out, kept dropping, or sent a damaged file (a partial download is kept to resume).</summary>
    DownloadFailed = 20,

    /// <summary>The command was cancelled (Ctrl+C).</summary>
    Cancelled = 130,
}
