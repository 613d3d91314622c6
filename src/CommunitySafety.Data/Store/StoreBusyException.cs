using System.Text.RegularExpressions;

namespace CommunitySafety.Data.Store;

/// <summary>
/// The analytical store is being written by another process. DuckDB allows one writing process per file, so a second
/// import (or a reader of a store that is not published as snapshots) is refused instead of waiting.
/// </summary>
public sealed partial class StoreBusyException : IOException
{
    /// <summary>Creates the exception.</summary>
    public StoreBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the original cause.</summary>
    public StoreBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Another import holds the store's writer lock (<see cref="StoreWriterLock"/>).</summary>
    internal static StoreBusyException WriterLockHeld(string storePath, string lockPath, Exception inner) => new(
        $"The analytical store {storePath} is being written by another import (it holds {lockPath}). " +
        "DuckDB allows one writer at a time: wait for that import to finish, then run this one again.", inner);

    /// <summary>DuckDB refused to open the file because another process holds its lock.</summary>
    internal static StoreBusyException FromLockError(string file, Exception inner)
    {
        var pid = PidPattern().Match(inner.Message) is { Success: true } m ? $" (PID {m.Groups[1].Value})" : "";
        return new(
            $"The analytical store {file} is open in another process{pid}. DuckDB allows one process to write a store file, and " +
            "no other process to open it meanwhile: wait for that process (an import?) to finish, or publish snapshots " +
            "(csp import --snapshot) so that readers never wait for imports (see docs/operations.md).", inner);
    }

    [GeneratedRegex(@"\(PID (\d+)\)")]
    private static partial Regex PidPattern();
}
