namespace CommunitySafety.Data.Store;

/// <summary>
/// Backs up the analytical store as DuckDB's <c>EXPORT DATABASE</c> (the schema as SQL, each table as a Parquet file):
/// independent of DuckDB's file format, so a newer version can restore it, and read from a read-only open, so it never
/// waits for or disturbs an import into a published store.
/// </summary>
public static class AnalyticalStoreBackup
{
    /// <summary>Exports the store at <paramref name="storePath"/> (its published snapshot, if any) into <paramref name="folder"/>.</summary>
    /// <param name="storePath">The store.</param>
    /// <param name="folder">An empty or new folder.</param>
    /// <returns>The row count of every table exported, by table name.</returns>
    /// <exception cref="FileNotFoundException">There is no store.</exception>
    public static IReadOnlyDictionary<string, long> Export(string storePath, string folder)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"{target} is not empty: a backup goes into a new or empty folder.");
        }

        Directory.CreateDirectory(target);
        using var store = AnalyticalStore.OpenReadOnly(storePath);
        // One read-only open sees one state of the store: the counts and the export agree.
        var counts = store.TableCounts();
        store.Execute($"EXPORT DATABASE '{Quote(target)}' (FORMAT parquet, COMPRESSION zstd)");
        return counts;
    }

    /// <summary>
    /// Restores a backup made by <see cref="Export"/> into the store at <paramref name="storePath"/>: imports it into a new
    /// file beside the store, checks every table's row count against <paramref name="expected"/>, and only then replaces
    /// the store (publishing a snapshot when the store publishes them, see <see cref="AnalyticalStoreWriter.Replace"/>).
    /// </summary>
    /// <param name="folder">The exported folder.</param>
    /// <param name="storePath">The store to restore into.</param>
    /// <param name="expected">The row counts recorded when the backup was made.</param>
    /// <param name="force">Replace a store that holds data.</param>
    /// <returns>The row count of every table restored.</returns>
    /// <exception cref="StoreNotEmptyException">The store holds data and <paramref name="force"/> is false.</exception>
    /// <exception cref="InvalidDataException">A table's count differs from <paramref name="expected"/>; the store is untouched.</exception>
    public static IReadOnlyDictionary<string, long> Restore(string folder, string storePath, IReadOnlyDictionary<string, long> expected, bool force)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var source = Path.GetFullPath(folder);
        var full = Path.GetFullPath(storePath);
        if (!force && HoldsData(full))
        {
            throw new StoreNotEmptyException($"The analytical store {full} holds data: restoring would replace it. Add --force to replace it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var building = full + ".restore-" + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            IReadOnlyDictionary<string, long> restored;
            using (var store = AnalyticalStore.OpenFile(building, schema: false))
            {
                store.Execute($"IMPORT DATABASE '{Quote(source)}'");
                restored = store.TableCounts();
                store.Checkpoint();
            }

            var differences = expected.Where(e => !restored.TryGetValue(e.Key, out var n) || n != e.Value)
                .Select(e => $"{e.Key}: {e.Value:N0} rows in the backup, {(restored.TryGetValue(e.Key, out var n) ? n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "missing")} restored")
                .Concat(restored.Keys.Except(expected.Keys).Select(k => $"{k}: not in the backup's manifest"))
                .ToList();
            if (differences.Count > 0)
            {
                throw new InvalidDataException($"The restored analytical store does not match the backup ({string.Join("; ", differences)}); {full} was left as it was.");
            }

            // Opening checks the schema version the restored file carries.
            using (AnalyticalStore.OpenFile(building, readOnly: true))
            {
            }

            AnalyticalStoreWriter.Replace(full, building);
            return restored;
        }
        finally
        {
            foreach (var f in new[] { building, building + ".wal" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>Whether the store at <paramref name="storePath"/> exists and holds rows beyond its fixed reference tables.</summary>
    public static bool HoldsData(string storePath)
    {
        if (!AnalyticalStore.Exists(storePath))
        {
            return false;
        }

        using var store = AnalyticalStore.OpenReadOnly(storePath);
        return store.TableCounts().Any(t => t.Key is not ("schema_info" or "crime_type") && t.Value > 0);
    }

    private static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}

/// <summary>A restore would overwrite a store that holds data, and was not told to (<c>--force</c>).</summary>
public sealed class StoreNotEmptyException(string message) : IOException(message);
