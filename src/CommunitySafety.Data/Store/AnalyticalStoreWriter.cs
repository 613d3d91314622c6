namespace CommunitySafety.Data.Store;

/// <summary>
/// The one way imports and restores write to an analytical store: under the writer lock (<see cref="StoreWriterLock"/>),
/// either in place or, for a store that publishes snapshots, into a new snapshot published atomically
/// (<see cref="StoreSnapshots"/>); and, as an instance over an open store, the one place that writes its tables: police.uk
/// files by force-month (<see cref="BeginFile"/>, <see cref="BeginCounts"/>), population, lookups, deprivation and
/// data-quality acknowledgements. The importers only parse and check.
/// </summary>
public sealed partial class AnalyticalStoreWriter
{
    /// <summary>
    /// Runs <paramref name="write"/> on the store at <paramref name="storePath"/>. In place (one DuckDB transaction per
    /// group of files: a killed import leaves each group whole or absent), unless the store publishes snapshots or
    /// <paramref name="publishSnapshot"/> asks it to start: then into a copy of the published snapshot (or of the file, the
    /// first time; the file is removed once the snapshot is published), which is published only when
    /// <paramref name="write"/> returns, so readers and a killed import see the whole import or none of it.
    /// </summary>
    /// <param name="storePath">The store.</param>
    /// <param name="publishSnapshot">Publish a snapshot even if the store does not publish them yet.</param>
    /// <param name="write">The import; if it throws, nothing is published.</param>
    /// <param name="time">The clock for snapshot names; the system clock when null.</param>
    /// <returns>What <paramref name="write"/> returned, and the snapshot published (null in place).</returns>
    /// <exception cref="StoreBusyException">Another process is writing to the store.</exception>
    public static (T Result, string? Snapshot) Write<T>(string storePath, bool publishSnapshot, Func<AnalyticalStore, T> write, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(storePath);
        using var writerLock = StoreWriterLock.Acquire(full);
        if (!publishSnapshot && !StoreSnapshots.IsPublished(full))
        {
            using var store = AnalyticalStore.OpenFile(full);
            return (write(store), null);
        }

        StoreSnapshots.Prune(full);
        var partial = StoreSnapshots.NewPartialPath(full, (time ?? TimeProvider.System).GetUtcNow());
        var firstSnapshot = !StoreSnapshots.IsPublished(full);
        var source = firstSnapshot ? full : StoreSnapshots.Resolve(full);
        if (File.Exists(source))
        {
            if (firstSnapshot)
            {
                // The plain file may hold a write-ahead log (a killed import): fold it in before copying the file alone.
                using var plain = AnalyticalStore.OpenFile(full);
                plain.Checkpoint();
            }

            File.Copy(source, partial);
        }

        T result;
        try
        {
            using var store = AnalyticalStore.OpenFile(partial);
            result = write(store);
            store.Checkpoint();
        }
        catch
        {
            TryDelete(partial);
            TryDelete(partial + ".wal");
            throw;
        }

        var published = StoreSnapshots.Publish(full, partial);
        if (firstSnapshot)
        {
            TryDelete(full);
            TryDelete(full + ".wal");
        }

        return (result, published);
    }

    /// <summary>
    /// Replaces the store at <paramref name="storePath"/> by the closed DuckDB file <paramref name="replacement"/> (moved,
    /// not copied): published as a new snapshot when the store publishes them, else renamed over the file.
    /// </summary>
    /// <returns>The path of the store's new file.</returns>
    /// <exception cref="StoreBusyException">Another process is writing to the store.</exception>
    public static string Replace(string storePath, string replacement, TimeProvider? time = null)
    {
        var full = Path.GetFullPath(storePath);
        using var writerLock = StoreWriterLock.Acquire(full);
        if (!StoreSnapshots.IsPublished(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (File.Exists(full))
            {
                // Refused (StoreBusyException) while another process has the file open.
                using var current = AnalyticalStore.OpenFile(full);
            }

            TryDelete(full + ".wal");
            File.Move(replacement, full, overwrite: true);
            return full;
        }

        StoreSnapshots.Prune(full);
        var partial = StoreSnapshots.NewPartialPath(full, (time ?? TimeProvider.System).GetUtcNow());
        File.Move(replacement, partial);
        return StoreSnapshots.Publish(full, partial);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
