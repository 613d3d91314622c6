namespace CommunitySafety.Data.Store;

/// <summary>
/// The store file starts like a DuckDB database but DuckDB cannot read it: cut short (a copy that stopped, a disk that
/// filled while something other than <c>csp</c> wrote it) or otherwise damaged. Nothing is written to it.
/// </summary>
public sealed class StoreDamagedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public StoreDamagedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What DuckDB says when it opens a damaged file (matched in its message, case-insensitively).</summary>
    internal static readonly string[] DuckDbSigns =
    [
        "Could not read enough bytes",
        "Corrupt database file",
        "not a valid DuckDB database file",
        "checksum",
        "block id",
    ];

    /// <summary>Whether DuckDB's error on opening <paramref name="e"/> says the file is damaged.</summary>
    internal static bool IsDamage(Exception e) =>
        DuckDbSigns.Any(s => e.Message.Contains(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The exception for the store file <paramref name="file"/>.</summary>
    internal static StoreDamagedException For(string file, Exception inner)
    {
        var size = new FileInfo(file).Length;
        return new(
            $"The analytical store {file} is damaged: it starts like a DuckDB database but DuckDB cannot read it " +
            $"({size:N0} bytes; probably cut short by a copy that stopped or a full disk). Nothing was changed. " +
            "Restore it from a backup (csp restore), or import the data again into a new store with --store.", inner);
    }
}
