using System.Globalization;
using System.Text;

namespace CommunitySafety.Data.Store;

/// <summary>
/// Published snapshots of an analytical store, for many readers and one writer. For a store path <c>P</c>:
/// <c>P.snapshots/</c> holds immutable DuckDB files, <c>P.current</c> names the published one (one line, relative to
/// <c>P</c>'s folder), and <c>P.lock</c> is the writer lock (<see cref="StoreWriterLock"/>).
/// </summary>
/// <remarks>
/// <para>An import copies the published snapshot to <c>P.snapshots/&lt;time&gt;-&lt;id&gt;.duckdb.partial</c>, imports into
/// the copy, checkpoints and closes it, renames it to <c>.duckdb</c>, then switches <c>P.current</c> by writing a
/// temporary file and renaming it over the pointer (<see cref="Publish"/>). A rename within a folder is atomic, so a
/// reader (<see cref="AnalyticalStore.OpenReadOnly"/>) opens either the old snapshot or the new one, complete; a reader
/// that has a snapshot open keeps reading it. An import killed at any point leaves the pointer on the old snapshot and at
/// most a <c>.partial</c> file, removed by the next import (<see cref="Prune"/>).</para>
/// <para>Snapshots get new names rather than being renamed over one path because a process caches an open DuckDB
/// database by its path: under steady traffic a web instance would otherwise keep reading the old file.</para>
/// </remarks>
public static class StoreSnapshots
{
    private const string PartialSuffix = ".partial";

    /// <summary>The pointer file naming the published snapshot of the store at <paramref name="storePath"/>.</summary>
    public static string PointerPath(string storePath) => Path.GetFullPath(storePath) + ".current";

    /// <summary>The folder holding the snapshots of the store at <paramref name="storePath"/>.</summary>
    public static string Folder(string storePath) => Path.GetFullPath(storePath) + ".snapshots";

    /// <summary>Whether the store at <paramref name="storePath"/> publishes snapshots (its pointer file exists).</summary>
    public static bool IsPublished(string storePath) => File.Exists(PointerPath(storePath));

    /// <summary>The file readers open: the published snapshot when there is one, else <paramref name="storePath"/> itself.</summary>
    /// <exception cref="InvalidDataException">The pointer file does not name a snapshot of this store.</exception>
    public static string Resolve(string storePath)
    {
        var full = Path.GetFullPath(storePath);
        string text;
        try
        {
            text = File.ReadAllText(PointerPath(full), Encoding.UTF8).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return full;
        }

        var folder = Folder(full);
        var file = Path.GetFullPath(text, Path.GetDirectoryName(full)!);
        if (text.Length == 0 || text.Contains('\n', StringComparison.Ordinal) || !string.Equals(Path.GetDirectoryName(file), folder, StringComparison.Ordinal)
            || !file.EndsWith(".duckdb", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{PointerPath(full)} should name a snapshot in {folder}, but says '{text}'.");
        }

        return file;
    }

    /// <summary>A new, unused path for a snapshot being written (ends in <c>.partial</c> until <see cref="Publish"/>).</summary>
    internal static string NewPartialPath(string storePath, DateTimeOffset now)
    {
        var folder = Folder(storePath);
        Directory.CreateDirectory(folder);
        var name = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + ".duckdb";
        return Path.Combine(folder, name + PartialSuffix);
    }

    /// <summary>
    /// Publishes a closed, checkpointed snapshot: renames <paramref name="partialPath"/> to its final name, then switches the
    /// pointer to it atomically. Call with the writer lock held.
    /// </summary>
    /// <returns>The published snapshot's path.</returns>
    internal static string Publish(string storePath, string partialPath)
    {
        var full = Path.GetFullPath(storePath);
        if (!partialPath.EndsWith(PartialSuffix, StringComparison.Ordinal) || File.Exists(partialPath + ".wal"))
        {
            throw new InvalidOperationException($"{partialPath} is not a closed snapshot ready to publish.");
        }

        FlushToDisk(partialPath);
        var final = partialPath[..^PartialSuffix.Length];
        File.Move(partialPath, final);

        var pointer = PointerPath(full);
        var temporary = pointer + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            var bytes = Encoding.UTF8.GetBytes(Path.GetRelativePath(Path.GetDirectoryName(full)!, final).Replace('\\', '/') + "\n");
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        // The switch: rename(2) replaces the pointer in one step; a reader sees the old name or the new one.
        File.Move(temporary, pointer, overwrite: true);
        return final;
    }

    /// <summary>
    /// Before an import: removes what an interrupted import left (<c>.partial</c> files, their write-ahead logs, temporary
    /// pointers, a snapshot renamed but never published) and every snapshot but the published one, so that after the
    /// import the folder holds the new snapshot and the one before it. Readers that have an older snapshot open keep
    /// reading it (Linux keeps a removed file until it is closed); one that read the pointer just before it was switched
    /// still finds the previous snapshot until the next import. Call with the writer lock held.
    /// </summary>
    /// <returns>The files removed.</returns>
    internal static List<string> Prune(string storePath)
    {
        var full = Path.GetFullPath(storePath);
        var removed = new List<string>();
        var folder = Folder(full);
        foreach (var pointerTemp in Directory.GetFiles(Path.GetDirectoryName(full)!, Path.GetFileName(PointerPath(full)) + ".*.tmp"))
        {
            TryDelete(pointerTemp, removed);
        }

        if (!Directory.Exists(folder))
        {
            return removed;
        }

        var current = IsPublished(full) ? Resolve(full) : null;
        foreach (var file in Directory.GetFiles(folder).Where(f => !string.Equals(f, current, StringComparison.Ordinal)))
        {
            TryDelete(file, removed);
        }

        return removed;
    }

    private static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        stream.Flush(flushToDisk: true);
    }

    private static void TryDelete(string path, List<string> removed)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add(path);
            }
        }
        catch (IOException)
        {
            // In use (Windows): removed by a later import.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
