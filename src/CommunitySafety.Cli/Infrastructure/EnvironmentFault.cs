using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Cli.Infrastructure;

/// <summary>
/// Turns a fault of the machine rather than of the input — a full disk, a permission the user lacks, a read-only file
/// system, a damaged store file — into one sentence saying what happened, where, and what to do, with its own
/// <see cref="ExitCode"/>. The .NET exception and stack trace are printed only with <c>--verbose</c>.
/// </summary>
/// <remarks>
/// Faults are recognised in the exception or any exception inside it: .NET on Linux gives the <c>errno</c> as an
/// <see cref="IOException"/>'s <see cref="Exception.HResult"/> (28 <c>ENOSPC</c>, 122 <c>EDQUOT</c>, 30 <c>EROFS</c>,
/// 13 <c>EACCES</c>, 1 <c>EPERM</c>); DuckDB's errors carry the C library's words ("No space left on device",
/// "Read-only file system", "Permission denied").
/// </remarks>
public static partial class EnvironmentFault
{
    /// <summary>The fault <paramref name="exception"/> reports, as a <see cref="CliException"/>; null when it is not one.</summary>
    /// <param name="exception">What the command threw.</param>
    /// <param name="storePath">The full path of the store the command used, for a fault whose message names no path.</param>
    public static CliException? Describe(Exception exception, string? storePath)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var chain = Chain(exception).ToList();
        if (chain.OfType<StoreDamagedException>().FirstOrDefault() is { } damaged)
        {
            return new CliException(ExitCode.DamagedStore, damaged.Message, exception);
        }

        if (chain.FirstOrDefault(e => Is(e, [28, 122, unchecked((int)0x80070070)], "No space left on device", "Disk quota exceeded", "not enough space on the disk")) is { } full)
        {
            var folder = FolderOf(PathIn(full) ?? storePath);
            return new CliException(ExitCode.DiskFull,
                $"The disk is full: writing to {folder ?? "the store"} failed with {FreeSpace(folder)}. " +
                "Each file is in the store whole or not at all, so nothing is half-written: free some space (or name a store on a larger disk with --store) " +
                "and run the same import again; a re-import replaces what it finds and never double-counts.", exception);
        }

        if (chain.FirstOrDefault(e => Is(e, [30], "Read-only file system")) is { } readOnly)
        {
            var path = PathIn(readOnly) ?? storePath;
            var what = path is not null && storePath is not null && path.StartsWith(storePath, StringComparison.Ordinal) ? $"The store {storePath}" : path ?? "The store";
            return new CliException(ExitCode.ReadOnlyFileSystem,
                $"{what} cannot be written: it is on a read-only file system{MountOf(path)}. Nothing was changed. " +
                "Name a store on a writable disk with --store, or have the disk mounted read-write.", exception);
        }

        if (chain.FirstOrDefault(e => e is UnauthorizedAccessException || Is(e, [13, 1], "Permission denied", "Operation not permitted")) is { } denied)
        {
            var path = PathIn(denied) ?? PathIn(chain.Last()) ?? storePath;
            var unchanged = path is not null && storePath is not null && path.StartsWith(storePath, StringComparison.Ordinal) ? " Nothing was changed." : string.Empty;
            return new CliException(ExitCode.PermissionDenied,
                $"Permission denied: the user {Environment.UserName} {Access(path)}.{unchanged} " +
                "Give this user that access (chmod or chown), or run the command as a user who has it.", exception);
        }

        return null;
    }

    /// <summary>The exception and every exception inside it (inner and aggregated), outermost first.</summary>
    private static IEnumerable<Exception> Chain(Exception e)
    {
        yield return e;
        var inner = e is AggregateException a ? a.InnerExceptions : e.InnerException is { } i ? [i] : (IReadOnlyList<Exception>)[];
        foreach (var x in inner.SelectMany(Chain))
        {
            yield return x;
        }
    }

    private static bool Is(Exception e, int[] errnos, params string[] words) =>
        (e is IOException && errnos.Contains(e.HResult)) || words.Any(w => e.Message.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The path an error message names: .NET quotes it with ' ', DuckDB with " ".</summary>
    private static string? PathIn(Exception e) =>
        QuotedPath().Match(e.Message) is { Success: true } m ? m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value : null;

    [GeneratedRegex(@"'(/[^']*)'|""(/[^""]*)""")]
    private static partial Regex QuotedPath();

    /// <summary>The folder <paramref name="path"/> is in (or is), climbing to one that exists.</summary>
    private static string? FolderOf(string? path)
    {
        var here = path is null ? null : Directory.Exists(path) ? path : Path.GetDirectoryName(path);
        while (here is not null && !Directory.Exists(here))
        {
            here = Path.GetDirectoryName(here);
        }

        return here;
    }

    /// <summary>The space left for this user on the file system of <paramref name="folder"/>, in words.</summary>
    internal static string FreeSpace(string? folder)
    {
        if (folder is null)
        {
            return "no space";
        }

        try
        {
            var free = new DriveInfo(folder).AvailableFreeSpace;
            var (amount, unit) = free switch
            {
                < 1 << 20 => (free / 1024.0, "KB"),
                < 1L << 30 => (free / 1048576.0, "MB"),
                _ => (free / 1073741824.0, "GB"),
            };
            return string.Create(CultureInfo.InvariantCulture, $"{amount:0.#} {unit} free");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "too little space";
        }
    }

    private static string MountOf(string? path)
    {
        var folder = FolderOf(path);
        try
        {
            return folder is null ? string.Empty : $" (mounted at {new DriveInfo(folder).RootDirectory.FullName})";
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return string.Empty;
        }
    }

    /// <summary>Which access to <paramref name="path"/> the user lacks, found by trying it (read, then write).</summary>
    internal static string Access(string? path)
    {
        if (path is null)
        {
            return "lacks access to a file the command needs";
        }

        if (Directory.Exists(path))
        {
            return CanList(path)
                ? $"cannot create or change files in the folder {path} (no write permission)"
                : $"cannot open the folder {path} (no read or search permission)";
        }

        if (File.Exists(path))
        {
            try
            {
                using var read = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (UnauthorizedAccessException)
            {
                return $"cannot read the file {path} (no read permission)";
            }

            return $"cannot write to the file {path} (no write permission)";
        }

        var folder = FolderOf(path);
        return folder is not null && !CanList(folder)
            ? $"cannot open the folder {folder} (no read or search permission), so cannot reach {path}"
            : $"cannot create {path}: no write permission in the folder {folder}";
    }

    private static bool CanList(string folder)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            entries.MoveNext();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
