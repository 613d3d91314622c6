using System.Data;
using System.Globalization;
using CommunitySafety.Crime;
using DuckDB.NET.Data;

namespace CommunitySafety.Data.Store;

/// <summary>
/// The analytical store: one DuckDB file holding police.uk records, monthly counts, population and lookups.
/// </summary>
/// <remarks>
/// Opening a path creates the file (and its folder) and the schema when missing, and migrates an older schema.
/// One <see cref="AnalyticalStore"/> owns one connection; use it from one thread at a time.
/// Readers that must not wait for imports open it with <see cref="OpenReadOnly"/>; imports that must not disturb them
/// write through <see cref="AnalyticalStoreWriter"/>, which publishes snapshots (<see cref="StoreSnapshots"/>).
/// </remarks>
public sealed class AnalyticalStore : IDisposable
{
    private readonly DuckDBConnection _connection;

    private AnalyticalStore(string path, DuckDBConnection connection)
    {
        FilePath = path;
        _connection = connection;
        Dimensions = new StoreDimensions(this);
    }

    /// <summary>The store's file.</summary>
    public string FilePath { get; }

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion { get; private set; }

    internal DuckDBConnection Connection => _connection;

    internal StoreDimensions Dimensions { get; }

    /// <summary>Whether the store is open read-only (<see cref="OpenReadOnly"/>).</summary>
    public bool IsReadOnly { get; private init; }

    /// <summary>Opens the store at <paramref name="path"/> for writing, creating it (and its folder) when it does not exist.</summary>
    /// <remarks>
    /// DuckDB lets one process write a file, and no other process read it meanwhile; several processes that read a
    /// store while imports run use published snapshots instead (<see cref="AnalyticalStoreWriter"/>, <see cref="OpenReadOnly"/>).
    /// </remarks>
    /// <exception cref="InvalidOperationException">The file was written by a newer version of this software, or the store
    /// publishes snapshots (write through <see cref="AnalyticalStoreWriter"/>).</exception>
    /// <exception cref="StoreBusyException">Another process has the file open.</exception>
    public static AnalyticalStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (StoreSnapshots.IsPublished(full))
        {
            throw new InvalidOperationException(
                $"The store '{full}' publishes snapshots ({StoreSnapshots.PointerPath(full)}): read it with AnalyticalStore.OpenReadOnly and write to it through AnalyticalStoreWriter (csp import does).");
        }

        return OpenFile(full);
    }

    /// <summary>
    /// Opens the store at <paramref name="path"/> read-only: its published snapshot when it has one
    /// (<see cref="StoreSnapshots"/>), else the file itself. Any number of processes may do this at once, and an import
    /// publishing a new snapshot meanwhile does not disturb them: they keep the snapshot they opened.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no store at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidOperationException">The file is not an analytical store, or is from a newer version.</exception>
    /// <exception cref="StoreBusyException">The file (not a snapshot) is being written by another process.</exception>
    public static AnalyticalStore OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        for (var attempt = 1; ; attempt++)
        {
            var file = StoreSnapshots.Resolve(full);
            if (!File.Exists(file))
            {
                // An import may have switched the pointer and pruned the snapshot just read from it: read it again.
                if (attempt < 5 && StoreSnapshots.IsPublished(full))
                {
                    continue;
                }

                throw new FileNotFoundException($"There is no analytical store at {full}.", full);
            }

            try
            {
                return OpenFile(file, readOnly: true);
            }
            catch (DuckDBException) when (attempt < 5 && !File.Exists(file))
            {
                // Pruned between the check and the open: read the pointer again.
            }
        }
    }

    /// <summary>Whether there is a store at <paramref name="path"/>: the file, or a published snapshot.</summary>
    public static bool Exists(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        return File.Exists(StoreSnapshots.Resolve(full));
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot be a store, or null when it can: nothing there yet (a store is created), a
    /// published store, or a DuckDB database file. Anything else — a folder, an empty file, a CSV, a picture — is
    /// refused before DuckDB sees it (DuckDB opened a CSV named as the store as a throw-away database and wrote nothing).
    /// </summary>
    /// <param name="path">The store path as given.</param>
    /// <returns>A sentence naming the path and what it is, or null.</returns>
    public static string? NotAStoreReason(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"{full} is a folder, not a store: name a store file, e.g. {Path.Combine(full, "csp.duckdb")}.";
        }

        if (!File.Exists(full))
        {
            return null;
        }

        Span<byte> head = stackalloc byte[12];
        int n;
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (UnauthorizedAccessException)
        {
            return $"{full} cannot be read (permission denied): the store must be readable and writable by this user.";
        }

        if (n == 0)
        {
            return $"{full} is an empty (0-byte) file, not a store: delete it or name another file, and a new store is created.";
        }

        if (n == head.Length && head[8..12].SequenceEqual("DUCK"u8))
        {
            return null;
        }

        var what = head[..n] switch
        {
            [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "a PNG image",
            [(byte)'P', (byte)'K', ..] => "a zip archive (or an Office file)",
            [0x1F, 0x8B, ..] => "a gzip file",
            [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF",
            _ when head[..n].IndexOfAnyExceptInRange((byte)0x09, (byte)0x7E) < 0 || head[..n].StartsWith("\uFEFF"u8) => "a text file (a CSV?)",
            _ => "not a DuckDB database",
        };
        return $"{full} is not a store: it is {what}. Name the store file with --store (it is created when missing); an import never overwrites another file.";
    }

    /// <summary>Opens one DuckDB file (no snapshot resolution); without <paramref name="schema"/>, a bare database (for a restore).</summary>
    /// <exception cref="InvalidDataException">The path is a folder or a file that is not a DuckDB database (<see cref="NotAStoreReason"/>).</exception>
    internal static AnalyticalStore OpenFile(string full, bool readOnly = false, bool schema = true)
    {
        if (NotAStoreReason(full) is { } reason)
        {
            throw new InvalidDataException(reason);
        }

        var folder = Path.GetDirectoryName(full);
        if (!readOnly && !string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new DuckDBConnection(readOnly ? $"Data Source={full};ACCESS_MODE=READ_ONLY" : $"Data Source={full}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException e) when (e.Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw StoreBusyException.FromLockError(full, e);
        }
        catch (DuckDBException e) when (StoreDamagedException.IsDamage(e) && File.Exists(full))
        {
            connection.Dispose();
            throw StoreDamagedException.For(full, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        var store = new AnalyticalStore(full, connection) { IsReadOnly = readOnly };
        try
        {
            if (!schema)
            {
                return store;
            }

            if (readOnly)
            {
                store.CheckSchema();
            }
            else
            {
                store.Migrate();
                store.Dimensions.Reload();
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>Writes everything in the write-ahead log into the file, so that the file alone is the store.</summary>
    public void Checkpoint() => Execute("CHECKPOINT");

    /// <summary>The tables of the store with their row counts, by name.</summary>
    public IReadOnlyDictionary<string, long> TableCounts()
    {
        var names = Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name",
            r => r.GetString(0));
        return names.ToDictionary(n => n, n => Scalar<long>($"SELECT count(*) FROM \"{n.Replace("\"", "\"\"", StringComparison.Ordinal)}\""), StringComparer.Ordinal);
    }

    /// <summary>Closes the store.</summary>
    public void Dispose() => _connection.Dispose();

    private void Migrate()
    {
        var exists = Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'") > 0;
        if (!exists)
        {
            using var tx = _connection.BeginTransaction();
            foreach (var ddl in StoreSchema.Version1.Concat(StoreSchema.Version2).Concat(StoreSchema.Version3))
            {
                Execute(ddl);
            }

            using (var appender = _connection.CreateAppender("crime_type"))
            {
                foreach (var t in CrimeType.All)
                {
                    appender.CreateRow().AppendValue(t.Id).AppendValue(t.Name).AppendValue(t.Slug).AppendValue(t.IsLegacy).EndRow();
                }
            }

            Execute($"INSERT INTO schema_info VALUES ({StoreSchema.CurrentVersion})");
            tx.Commit();
        }
        else
        {
            var version = Scalar<int>("SELECT max(version) FROM schema_info");
            if (version == 1)
            {
                // A store written before counts-only imports: every force-month it holds has its raw rows.
                using var tx = _connection.BeginTransaction();
                foreach (var ddl in StoreSchema.Version2)
                {
                    Execute(ddl);
                }

                Execute("INSERT INTO schema_info VALUES (2)");
                tx.Commit();
                version = 2;
            }

            if (version == 2)
            {
                // A store from before population years, the 2024 geography and deprivation: its lookups and
                // population keep their rows (vintage and file unknown, null).
                using var tx = _connection.BeginTransaction();
                foreach (var ddl in StoreSchema.Version3)
                {
                    Execute(ddl);
                }

                Execute("INSERT INTO schema_info VALUES (3)");
                tx.Commit();
            }
        }

        ReadSchemaVersion();
    }

    private void CheckSchema()
    {
        if (Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'") == 0)
        {
            throw new InvalidOperationException($"'{FilePath}' is not an analytical store: it has no schema_info table.");
        }

        ReadSchemaVersion();
    }

    private void ReadSchemaVersion()
    {
        SchemaVersion = Scalar<int>("SELECT max(version) FROM schema_info");
        if (SchemaVersion > StoreSchema.CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The store '{FilePath}' has schema version {SchemaVersion}; this version of the software reads up to {StoreSchema.CurrentVersion}. Use a newer version or a new store.");
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction: it lands whole or not at all. On failure the transaction is
    /// rolled back and the dimension cache reloaded (it may hold members the rollback removed), and the error rethrown.
    /// </summary>
    internal void InTransaction(Action write)
    {
        using var tx = _connection.BeginTransaction();
        try
        {
            write();
            tx.Commit();
        }
        catch
        {
            RollBackAfterFailure(tx);
            throw;
        }
    }

    /// <summary>
    /// Rolls <paramref name="transaction"/> back after a failure and reloads the dimension cache, without letting a
    /// second error hide the first: when a commit fails (a full disk, a read-only file system) DuckDB has already
    /// finished the transaction, and <c>Rollback</c> would throw "Transaction has already been finished" over the real
    /// cause; a database DuckDB has invalidated cannot reload its dimensions either.
    /// </summary>
    internal void RollBackAfterFailure(DuckDBTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception e) when (e is InvalidOperationException or DuckDBException)
        {
            // Already finished by the failed commit, or the database is gone: nothing was committed either way.
        }

        try
        {
            Dimensions.Reload();
        }
        catch (DuckDBException)
        {
            // The database was invalidated by the failure; the store is closed next and nothing else reads the cache.
        }
    }

    internal DuckDBCommand Command(string sql, params object?[] args)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var a in args)
        {
            cmd.Parameters.Add(new DuckDBParameter(a ?? DBNull.Value));
        }

        return cmd;
    }

    internal int Execute(string sql, params object?[] args)
    {
        using var cmd = Command(sql, args);
        return cmd.ExecuteNonQuery();
    }

    internal T Scalar<T>(string sql, params object?[] args)
    {
        using var cmd = Command(sql, args);
        var value = cmd.ExecuteScalar();
        if (value is null or DBNull)
        {
            return default!;
        }

        if (value is System.Numerics.BigInteger big)
        {
            value = (long)big;
        }

        return value is T t ? t : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    internal List<T> Query<T>(string sql, Func<IDataRecord, T> map, params object?[] args)
    {
        using var cmd = Command(sql, args);
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(map(reader));
        }

        return list;
    }

    /// <summary>
    /// Resolves every LSOA's local authority as it is now: from the LSOA lookup when its code is there (the latest LSOA
    /// vintage holding it), else through the ONS LSOA 2011 → 2021 lookup (a 2011 code takes the district of its 2021
    /// LSOA(s)), else from the local authority named in the LSOA name, matched to a name in the LAD→CSP→PFA lookup. A
    /// district code that has since changed (district code history) is replaced by today's.
    /// </summary>
    /// <remarks>Run after every import, so a lookup imported after the crime data re-allocates it.</remarks>
    internal void AllocateLsoas() => Execute("""
        UPDATE lsoa SET lad_code = r.lad_code, lad_name = r.lad_name
        FROM (
            WITH direct AS (
                SELECT lsoa_code, arg_max(lad_code, coalesce(lsoa_year, 0)) AS lad_code, arg_max(lad_name, coalesce(lsoa_year, 0)) AS lad_name,
                       arg_max(lad_key, coalesce(lsoa_year, 0)) AS lad_key
                FROM lsoa_lookup GROUP BY lsoa_code),
            via AS (
                SELECT c.lsoa11_code AS lsoa_code, min(d.lad_code) AS lad_code, min(d.lad_name) AS lad_name, min(d.lad_key) AS lad_key
                FROM lsoa_change c JOIN direct d ON d.lsoa_code = c.lsoa21_code
                WHERE c.lsoa11_code NOT IN (SELECT lsoa_code FROM direct)
                GROUP BY c.lsoa11_code),
            lk AS (SELECT * FROM direct UNION ALL SELECT * FROM via),
            hist AS (SELECT old_code, any_value(new_code) AS new_code, any_value(new_name) AS new_name FROM lad_history GROUP BY old_code),
            names AS (SELECT lad_key, any_value(lad_code) AS lad_code, any_value(lad_name) AS lad_name FROM lad_lookup GROUP BY lad_key),
            codes AS (SELECT lad_code, any_value(lad_name) AS lad_name FROM lad_lookup GROUP BY lad_code)
            SELECT l.lsoa_id,
                   CASE WHEN lk.lad_code IS NOT NULL THEN COALESCE(c.lad_code, h.new_code, n1.lad_code, lk.lad_code) ELSE n2.lad_code END AS lad_code,
                   CASE WHEN lk.lad_code IS NOT NULL THEN COALESCE(c.lad_name, h.new_name, n1.lad_name, lk.lad_name) ELSE COALESCE(n2.lad_name, l.lad_from_name) END AS lad_name
            FROM lsoa l
            LEFT JOIN lk ON lk.lsoa_code = l.code
            LEFT JOIN hist h ON h.old_code = lk.lad_code
            LEFT JOIN codes c ON c.lad_code = COALESCE(h.new_code, lk.lad_code)
            LEFT JOIN names n1 ON n1.lad_key = lk.lad_key AND h.new_code IS NULL
            LEFT JOIN names n2 ON n2.lad_key = l.lad_key
        ) r
        WHERE lsoa.lsoa_id = r.lsoa_id
        """);
}
