using CommunitySafety.Data.Store;

namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>
/// The web app's one way to the analytical store: read-only, and the published snapshot when the store has one
/// (<see cref="AnalyticalStore.OpenReadOnly"/>), so that several instances read while one importer publishes new data.
/// </summary>
public static class AnalyticalStoreAccess
{
    /// <summary>Whether there is crime data to read (the store file, or a published snapshot).</summary>
    public static bool HasAnalyticalStore(this WebStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AnalyticalStore.Exists(options.AnalyticalStorePath);
    }

    /// <summary>Opens the analytical store read-only, for the length of a request.</summary>
    public static AnalyticalStore OpenAnalyticalStore(this WebStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AnalyticalStore.OpenReadOnly(options.AnalyticalStorePath);
    }

    /// <summary>
    /// The analytical store's version stamp, for caching what is made from it (the area page, assessment reports): the
    /// file read (the published snapshot, when there is one), its size and last write time, and its write-ahead log's.
    /// An import publishes a new snapshot or writes the file, so the stamp changes with the data; no stamp without a store.
    /// </summary>
    /// <param name="options">The web app's stores.</param>
    /// <returns>The stamp, or null when there is no store.</returns>
    public static string? AnalyticalStoreStamp(this WebStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = new FileInfo(StoreSnapshots.Resolve(Path.GetFullPath(options.AnalyticalStorePath)));
        if (!file.Exists)
        {
            return null;
        }

        var wal = new FileInfo(file.FullName + ".wal");
        return string.Join('|', file.FullName, file.Length, file.LastWriteTimeUtc.Ticks, wal.Exists ? wal.Length : -1, wal.Exists ? wal.LastWriteTimeUtc.Ticks : -1);
    }
}
